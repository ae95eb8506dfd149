package com.huntaze.audit.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * For the class-data-sharing training run only: while {@link #enabled}, every SDK answer the audit receives is
 * replaced by one with every member set (one element in each list, one entry in each map), so that the collectors'
 * fan-out calls, their records and the SDK's code for non-empty answers run as in a populated account, whatever the
 * service. Registered as an SDK global interceptor by {@code src/test/cds-training}, which only the training run has
 * on its class path. Pagination members (tokens, markers, "next" and "last evaluated" anything) stay empty, so a
 * listing is one page.
 */
public final class PopulatedAnswers implements ExecutionInterceptor {

    /** Off but for the training's populated audit: the class is on every test's class path. */
    static volatile boolean enabled;

    /**
     * Populated answers per operation, at most: enough for a listing's fan-out in both regions, and the end of any
     * pagination whose continuation member is not recognised as one (an empty answer ends it).
     */
    private static final int MAX_PER_OPERATION = 12;

    private static final Map<String, AtomicInteger> populated = new ConcurrentHashMap<>();

    /** Deep enough for the shapes the collectors read, short of the SDK's recursive ones (IAM policy documents). */
    private static final int MAX_DEPTH = 6;

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes executionAttributes) {
        if (!enabled || populated.computeIfAbsent(executionAttributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
                + ":" + executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                operation -> new AtomicInteger()).incrementAndGet() > MAX_PER_OPERATION) {
            return context.response();
        }
        SdkResponse answer = context.response();
        SdkResponse.Builder builder = answer.toBuilder();
        for (SdkField<?> field : answer.sdkFields()) {
            // what the endpoint did answer stays (STS's account id)
            if (isEmpty(field.getValueOrDefault(answer)) && !isPagination(field.memberName())) {
                Object value = valueOf(field, 0);
                if (value != null) {
                    field.set(builder, value);
                }
            }
        }
        return builder.build();
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof java.util.Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static void fill(SdkPojo builder, int depth) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (isPagination(field.memberName())) {
                continue;
            }
            Object value = valueOf(field, depth);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private static boolean isPagination(String member) {
        String name = member.toLowerCase(Locale.ROOT);
        return name.contains("token") || name.contains("marker") || name.startsWith("next")
                || name.startsWith("lastevaluated") || name.equals("istruncated");
    }

    private static Object valueOf(SdkField<?> field, int depth) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return "training";
        } else if (type == MarshallingType.INTEGER) {
            return 1;
        } else if (type == MarshallingType.LONG) {
            return 1L;
        } else if (type == MarshallingType.SHORT) {
            return (short) 1;
        } else if (type == MarshallingType.BYTE) {
            return (byte) 1;
        } else if (type == MarshallingType.FLOAT) {
            return 1f;
        } else if (type == MarshallingType.DOUBLE) {
            return 1d;
        } else if (type == MarshallingType.BIG_DECIMAL) {
            return BigDecimal.ONE;
        } else if (type == MarshallingType.BOOLEAN) {
            return Boolean.FALSE;
        } else if (type == MarshallingType.INSTANT) {
            return Instant.parse("2026-01-01T00:00:00Z");
        } else if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String("training");
        } else if (depth >= MAX_DEPTH) {
            return null;
        } else if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, depth + 1);
            return ((SdkBuilder<?, ?>) nested).build();
        } else if (type == MarshallingType.LIST) {
            Object member = valueOf(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), depth + 1);
            List<Object> list = new ArrayList<>();
            if (member != null) {
                list.add(member);
            }
            return list;
        } else if (type == MarshallingType.MAP) {
            Object value = valueOf(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), depth + 1);
            return value == null ? Map.of() : Map.of("training", value);
        }
        return null; // documents
    }
}
