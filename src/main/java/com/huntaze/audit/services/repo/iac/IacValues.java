package com.huntaze.audit.services.repo.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a property can be, as far as the file itself says: literals, parameter defaults, both branches of an If. */
public final class IacValues {
    private static final Pattern VARIABLE = Pattern.compile("var\\.([A-Za-z_][A-Za-z0-9_-]*)");

    private IacValues() {
    }

    /**
     * The literal values a CloudFormation property can take: itself when a scalar, a parameter's default for
     * {@code !Ref Parameter}, each branch of {@code !If}, a {@code !Sub} without substitutions; empty when the file
     * does not say (a resource's attribute, an import).
     */
    public static List<String> cfnLiterals(CfnTemplate template, CfnNode value) {
        List<String> literals = new ArrayList<>();
        if (value.isScalar()) {
            value.text().ifPresent(literals::add);
        } else if (value.argument("Ref").isPresent()) {
            value.argument("Ref").flatMap(CfnNode::text).flatMap(template::parameterDefault)
                    .ifPresent(d -> literals.addAll(cfnLiterals(template, d)));
        } else if (value.argument("Fn::If").isPresent()) {
            List<CfnNode> branches = value.argument("Fn::If").get().items();
            for (int i = 1; i < branches.size(); i++) {
                literals.addAll(cfnLiterals(template, branches.get(i)));
            }
        } else if (value.argument("Fn::Sub").flatMap(CfnNode::text).filter(s -> !s.contains("${")).isPresent()) {
            literals.add(value.argument("Fn::Sub").flatMap(CfnNode::text).get());
        }
        return literals;
    }

    /** A Terraform attribute's literal value, or the literal default of the {@code var.NAME} it is. */
    public static Optional<Object> terraformLiteral(IacFiles.TerraformModule module, HclBlock.Attribute attribute) {
        if (attribute.literal() != null) {
            return Optional.of(attribute.literal());
        }
        var variable = VARIABLE.matcher(attribute.source());
        if (variable.matches()) {
            return module.variableDefault(variable.group(1)).map(HclBlock.Attribute::literal);
        }
        return Optional.empty();
    }
}
