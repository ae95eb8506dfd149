package com.huntaze.audit.services.repo.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed CloudFormation template: its resources in file order and its parameters.
 *
 * @param path the file, relative to the repository
 * @param root the whole document
 */
public record CfnTemplate(String path, CfnNode root) {

    /** One entry of {@code Resources}. */
    public record Resource(String logicalId, String type, CfnNode properties, int line) {
        /** A property, following nested maps ({@code property("NetworkConfiguration", "AwsvpcConfiguration")}). */
        public Optional<CfnNode> property(String... keys) {
            return properties.path(keys);
        }
    }

    /**
     * Whether the document is a CloudFormation template: it declares {@code AWSTemplateFormatVersion}, or its
     * {@code Resources} hold at least one {@code Type: AWS::...}.
     */
    public static boolean isTemplate(CfnNode root) {
        if (!root.isMap()) {
            return false;
        }
        if (root.get("AWSTemplateFormatVersion").isPresent()) {
            return true;
        }
        return root.get("Resources").map(r -> r.entries().values().stream().anyMatch(resource -> resource
                .get("Type").flatMap(CfnNode::text).filter(t -> t.startsWith("AWS::")).isPresent())).orElse(false);
    }

    public List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        CfnNode all = root.get("Resources").orElse(null);
        if (all == null) {
            return resources;
        }
        for (Map.Entry<String, CfnNode> entry : all.entries().entrySet()) {
            CfnNode resource = entry.getValue();
            String type = resource.get("Type").flatMap(CfnNode::text).orElse("");
            CfnNode properties = resource.get("Properties").orElse(CfnNode.map(Map.of(), Map.of(), resource.line()));
            resources.add(new Resource(entry.getKey(), type, properties, all.lineOf(entry.getKey())));
        }
        return resources;
    }

    public List<Resource> resources(String type) {
        return resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<Resource> resource(String logicalId) {
        return resources().stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    /** The {@code Default} of parameter {@code name}, when the template declares one. */
    public Optional<CfnNode> parameterDefault(String name) {
        return root.path("Parameters", name, "Default");
    }

    public boolean hasParameter(String name) {
        return root.path("Parameters", name).isPresent();
    }

    /**
     * The logical id a value refers to: {@code !Ref X}, {@code !GetAtt X.Arn}, {@code {"Fn::GetAtt": ["X", "Arn"]}}
     * give {@code X}; anything else gives empty.
     */
    public static Optional<String> referencedId(CfnNode value) {
        Optional<String> ref = value.argument("Ref").flatMap(CfnNode::text);
        if (ref.isPresent()) {
            return ref;
        }
        return value.argument("Fn::GetAtt").flatMap(arg -> arg.isList()
                ? arg.items().stream().findFirst().flatMap(CfnNode::text)
                : arg.text().map(t -> t.contains(".") ? t.substring(0, t.indexOf('.')) : t));
    }
}
