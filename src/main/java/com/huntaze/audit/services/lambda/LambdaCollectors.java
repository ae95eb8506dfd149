package com.huntaze.audit.services.lambda;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.ServiceCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Lambda: ListFunctions (50 per page, its maximum), then ListFunctionEventInvokeConfigs (50 per page) per function that
 * a service's {@link AsynchronousCallers} names. Environment variable values are dropped here, as soon as the SDK
 * hands them over; GetFunction (which returns a code download URL) is never called.
 */
final class LambdaCollectors {
    private LambdaCollectors() {
    }

    static final ServiceClient<LambdaClient, LambdaClientBuilder> LAMBDA =
            ServiceClient.regional("lambda", LambdaClient::builder);

    static final int PAGE_SIZE = 50;

    static final DatasetCollector<List<LambdaFunction>> FUNCTIONS = new DatasetCollector<>() {
        @Override
        public Dataset<List<LambdaFunction>> dataset() {
            return LambdaDatasets.FUNCTIONS;
        }

        @Override
        public List<String> actions() {
            return List.of("lambda:ListFunctions");
        }

        @Override
        public List<LambdaFunction> collect(CollectionContext context) {
            LambdaClient lambda = context.client(LAMBDA);
            return call("lambda:ListFunctions", () -> lambda.listFunctionsPaginator(r -> r.maxItems(PAGE_SIZE))
                    .functions().stream().map(LambdaCollectors::function).toList());
        }
    };

    /** The record of a function: names of its environment variables, never their values. */
    static LambdaFunction function(FunctionConfiguration f) {
        List<String> names = f.environment() == null || f.environment().variables() == null ? List.of()
                : new ArrayList<>(new TreeSet<>(f.environment().variables().keySet()));
        return new LambdaFunction(f.functionName(), f.functionArn(), f.runtimeAsString(), f.packageTypeAsString(),
                f.deadLetterConfig() == null ? null : f.deadLetterConfig().targetArn(), names);
    }

    static final DatasetCollector<List<EventInvokeConfig>> EVENT_INVOKE_CONFIGS = new DatasetCollector<>() {
        @Override
        public Dataset<List<EventInvokeConfig>> dataset() {
            return LambdaDatasets.EVENT_INVOKE_CONFIGS;
        }

        @Override
        public List<String> actions() {
            return List.of("lambda:ListFunctionEventInvokeConfigs");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            Set<Dataset<?>> all = new LinkedHashSet<>();
            all.add(LambdaDatasets.FUNCTIONS);
            callers().forEach(c -> all.addAll(c.requires()));
            return List.copyOf(all);
        }

        @Override
        public List<EventInvokeConfig> collect(CollectionContext context) {
            LambdaClient lambda = context.client(LAMBDA);
            Set<String> called = new TreeSet<>();
            for (AsynchronousCallers source : callers()) {
                source.callers().apply(context::dependency).forEach(c -> {
                    String name = AsynchronousCallers.functionName(c.functionArn());
                    if (name != null) {
                        called.add(name);
                    }
                });
            }
            List<LambdaFunction> functions = context.dependency(LambdaDatasets.FUNCTIONS).stream()
                    .filter(f -> called.contains(f.name())).toList();
            return context.forEach(functions, f -> call("lambda:ListFunctionEventInvokeConfigs", () -> {
                try {
                    return lambda.listFunctionEventInvokeConfigsPaginator(r -> r.functionName(f.name())
                            .maxItems(PAGE_SIZE)).functionEventInvokeConfigs().stream()
                            .map(c -> new EventInvokeConfig(f.name(), c.functionArn(),
                                    c.destinationConfig() == null || c.destinationConfig().onFailure() == null ? null
                                            : c.destinationConfig().onFailure().destination(),
                                    c.maximumRetryAttempts()))
                            .toList();
                } catch (ResourceNotFoundException none) {
                    return List.<EventInvokeConfig>of();
                }
            })).stream().flatMap(List::stream).toList();
        }
    };

    private static List<AsynchronousCallers> callers() {
        return ServiceCatalog.current().all(AsynchronousCallers.class);
    }
}
