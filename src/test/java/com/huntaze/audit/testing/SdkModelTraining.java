package com.huntaze.audit.testing;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * The SDK model classes an audit of a populated account loads, for the class-data-sharing training run: the training
 * endpoint answers as an empty account, so the classes of the resources (DBInstance, ContainerDefinition, ...) and
 * the getter and setter lambdas their static initialisers spin (a hundred for DBInstance) would otherwise be loaded
 * outside the archive at every real audit. Derived from the catalog: the request and response classes of every
 * operation a collector declares, in every SDK service package of the jar, and every structure they reach. A
 * service added to the catalog is covered without a change here.
 */
public final class SdkModelTraining {
    private SdkModelTraining() {
    }

    private static final Pattern MODEL_CLASS = Pattern.compile(
            "software/amazon/awssdk/services/[a-z0-9]+/model/([A-Za-z0-9]+)(Request|Response)\\.class");

    /**
     * Initialises the model classes of the declared operations and everything they reach; returns how many
     * structure classes were initialised.
     */
    public static int initialiseDeclaredModels() throws IOException {
        Set<String> operations = new HashSet<>();
        for (String action : ServiceCatalog.current().actions()) {
            operations.add(operationKey(action.substring(action.indexOf(':') + 1)));
        }
        operations.add(operationKey(AwsSession.IDENTITY_ACTION.substring(AwsSession.IDENTITY_ACTION.indexOf(':') + 1)));
        Set<String> roots = new TreeSet<>();
        try (JarFile sdk = new JarFile(codeSourceOf(SdkPojo.class).toFile())) {
            for (JarEntry entry : java.util.Collections.list(sdk.entries())) {
                Matcher model = MODEL_CLASS.matcher(entry.getName());
                if (model.matches() && operations.contains(operationKey(model.group(1)))) {
                    roots.add(entry.getName().replace('/', '.').substring(0, entry.getName().length() - ".class".length()));
                }
            }
        }
        Set<Class<?>> seen = new HashSet<>();
        Deque<SdkPojo> queue = new ArrayDeque<>();
        for (String root : roots) {
            try {
                Class<?> type = Class.forName(root, true, SdkModelTraining.class.getClassLoader());
                queue.add((SdkPojo) type.getMethod("builder").invoke(null));
            } catch (ReflectiveOperationException | ClassCastException e) {
                System.err.println("cds training: no model builder for " + root + ": " + e);
            }
        }
        while (!queue.isEmpty()) {
            SdkPojo builder = queue.poll();
            if (!seen.add(builder.getClass())) {
                continue;
            }
            for (SdkField<?> field : builder.sdkFields()) {
                enqueueStructures(field, queue);
            }
        }
        return seen.size();
    }

    /** The structures a field holds, directly or as list members and map values. */
    private static void enqueueStructures(SdkField<?> field, Deque<SdkPojo> queue) {
        if (field.constructor() != null) {
            queue.add(field.constructor().get());
        }
        field.getOptionalTrait(ListTrait.class).map(ListTrait::memberFieldInfo)
                .ifPresent(member -> enqueueStructures(member, queue));
        field.getOptionalTrait(MapTrait.class).map(MapTrait::valueFieldInfo)
                .ifPresent(value -> enqueueStructures(value, queue));
    }

    /**
     * An operation name as both its IAM action and its SDK class spell it (DescribeDBInstances,
     * DescribeDbInstancesResponse): case folded.
     */
    private static String operationKey(String operation) {
        return operation.toLowerCase(Locale.ROOT);
    }

    private static Path codeSourceOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
