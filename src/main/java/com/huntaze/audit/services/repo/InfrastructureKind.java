package com.huntaze.audit.services.repo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of infrastructure code the repository audit recognises: the report's {@code repositories[].infrastructure}
 * keys and the Markdown's "Infrastructure code found". A file is of one kind at most, known by its name (amplify.yml,
 * buildspec*.yml, serverless.yml, cdk.json, *.tf) or, for YAML and JSON files, by what its text declares.
 */
public enum InfrastructureKind {
    AMPLIFY("amplify"),
    CLOUDFORMATION("cloudformation"),
    TERRAFORM("terraform"),
    KUBERNETES("kubernetes"),
    CDK("cdk"),
    CODEBUILD("codebuild"),
    ECS_TASK_DEFINITION("ecs-task-definition"),
    SERVERLESS("serverless");

    private final String id;

    InfrastructureKind(String id) {
        this.id = id;
    }

    /** As the report writes it. */
    public String id() {
        return id;
    }

    private static final Pattern CLOUDFORMATION_YAML_TYPE =
            Pattern.compile("(?m)^\\s+Type:\\s*[\"']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");
    private static final Pattern CLOUDFORMATION_JSON_TYPE =
            Pattern.compile("\"Type\"\\s*:\\s*\"AWS::[A-Za-z0-9]+::[A-Za-z0-9]+\"");
    private static final Pattern KUBERNETES_API_VERSION = Pattern.compile("(?m)^apiVersion:\\s*\\S");
    private static final Pattern KUBERNETES_KIND = Pattern.compile("(?m)^kind:\\s*[A-Z]");

    /** Whether {@link #of} needs the file's text: the names that are never infrastructure code need none. */
    static boolean mayBe(String path) {
        String name = name(path);
        return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json") || name.endsWith(".template")
                || name.endsWith(".tf");
    }

    /** The kind of the file at {@code path} with this text (ISO-8859-1), or null when it is none. */
    static InfrastructureKind of(String path, String text) {
        String name = name(path);
        if (name.equals("amplify.yml") || name.equals("amplify.yaml")) {
            return AMPLIFY;
        }
        if (name.startsWith("buildspec") && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
            return CODEBUILD;
        }
        if (name.equals("serverless.yml") || name.equals("serverless.yaml")) {
            return SERVERLESS;
        }
        if (name.equals("cdk.json")) {
            return CDK;
        }
        if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
            return TERRAFORM;
        }
        boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".template");
        boolean json = name.endsWith(".json") || name.endsWith(".template");
        if ((yaml || json) && (text.contains("AWSTemplateFormatVersion")
                || text.contains("Resources") && (CLOUDFORMATION_YAML_TYPE.matcher(text).find()
                || CLOUDFORMATION_JSON_TYPE.matcher(text).find()))) {
            return CLOUDFORMATION;
        }
        if (json && text.contains("\"containerDefinitions\"")) {
            return ECS_TASK_DEFINITION;
        }
        if (yaml && KUBERNETES_API_VERSION.matcher(text).find() && KUBERNETES_KIND.matcher(text).find()) {
            return KUBERNETES;
        }
        return null;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
