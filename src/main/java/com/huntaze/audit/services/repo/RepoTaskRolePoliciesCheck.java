package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.repo.iac.CfnNode;
import com.huntaze.audit.services.repo.iac.CfnTemplate;
import com.huntaze.audit.services.repo.iac.IacFiles;
import com.huntaze.audit.services.repo.iac.IacFinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * repo.task-role-policies: a CloudFormation {@code AWS::IAM::Role} an ECS task definition uses as its
 * {@code TaskRoleArn} grants something: inline {@code Policies}, {@code ManagedPolicyArns}, or an
 * {@code AWS::IAM::Policy}/{@code ManagedPolicy} (or {@code RolePolicy}) of the template attached to it. A task role
 * from outside the template (a parameter, an import, an ARN) is not judged.
 */
public final class RepoTaskRolePoliciesCheck extends IacCheck {
    public RepoTaskRolePoliciesCheck() {
        super("repo.task-role-policies", Reads.CLOUDFORMATION);
    }

    @Override
    void judgeCode(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings) {
        for (CfnTemplate template : iac.templates()) {
            Set<String> taskRoles = new LinkedHashSet<>();
            for (CfnTemplate.Resource task : template.resources("AWS::ECS::TaskDefinition")) {
                task.property("TaskRoleArn").flatMap(CfnTemplate::referencedId).ifPresent(taskRoles::add);
            }
            for (String roleId : taskRoles) {
                template.resource(roleId).filter(r -> r.type().equals("AWS::IAM::Role")).ifPresent(role ->
                        findings.add(IacFinding.at(judge(ctx, template, role), repository,
                                IacFinding.CLOUDFORMATION, template.path(), role.line())));
            }
        }
    }

    private static Finding judge(CheckContext ctx, CfnTemplate template, CfnTemplate.Resource role) {
        List<String> grants = new ArrayList<>();
        if (role.property("Policies").map(p -> !p.items().isEmpty()).orElse(false)) {
            grants.add("inline Policies");
        }
        if (role.property("ManagedPolicyArns").map(p -> !p.items().isEmpty() || !p.isList()).orElse(false)) {
            grants.add("ManagedPolicyArns");
        }
        for (CfnTemplate.Resource policy : template.resources()) {
            boolean attached = switch (policy.type()) {
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> policy.property("Roles").map(CfnNode::items)
                        .orElse(List.of()).stream().anyMatch(r -> refersTo(r, role.logicalId()));
                case "AWS::IAM::RolePolicy" -> policy.property("RoleName").map(r -> refersTo(r, role.logicalId()))
                        .orElse(false);
                default -> false;
            };
            if (attached) {
                grants.add(policy.type() + " " + policy.logicalId());
            }
        }
        var evidence = Evidence.of("Role", role.logicalId(), "UsedAs", "TaskRoleArn", "Grants", grants);
        if (grants.isEmpty()) {
            return ctx.nok(template.path(), null, "Task role " + role.logicalId() + " has no policy: the application"
                    + " gets no permissions from its role, so it will be given keys.", evidence);
        }
        return ctx.ok(template.path(), null, "Task role " + role.logicalId() + " is granted permissions ("
                + String.join(", ", grants) + ").", evidence);
    }

    private static boolean refersTo(CfnNode value, String logicalId) {
        Optional<String> id = CfnTemplate.referencedId(value);
        return id.filter(logicalId::equals).isPresent() || value.text().filter(logicalId::equals).isPresent();
    }
}
