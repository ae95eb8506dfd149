package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.repo.iac.CfnNode;
import com.huntaze.audit.services.repo.iac.CfnTemplate;
import com.huntaze.audit.services.repo.iac.IacFiles;
import com.huntaze.audit.services.repo.iac.IacFinding;
import com.huntaze.audit.services.repo.iac.IacValues;
import java.util.List;

/**
 * repo.iac-public-ip: the infrastructure code gives ECS tasks no public IP address (CloudFormation
 * {@code AWS::ECS::Service}/{@code TaskSet}, Terraform {@code aws_ecs_service}, ECS JSON).
 */
public final class RepoIacPublicIpCheck extends IacCheck {
    public RepoIacPublicIpCheck() {
        super("repo.iac-public-ip", Reads.CLOUDFORMATION, Reads.TERRAFORM, Reads.ECS_JSON);
    }

    @Override
    void judgeCode(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings) {
        for (CfnTemplate template : iac.templates()) {
            for (CfnTemplate.Resource service : template.resources()) {
                if (service.type().equals("AWS::ECS::Service") || service.type().equals("AWS::ECS::TaskSet")) {
                    service.property("NetworkConfiguration", "AwsvpcConfiguration").ifPresent(awsvpc ->
                            findings.add(judgeTemplate(ctx, repository, template, service, awsvpc)));
                }
            }
        }
        for (IacFiles.TerraformModule module : iac.terraformModules()) {
            for (IacFiles.Located service : module.resources("aws_ecs_service")) {
                for (var network : service.block().blocks("network_configuration")) {
                    String name = "aws_ecs_service." + service.block().label(1);
                    var assign = network.attribute("assign_public_ip");
                    var value = assign.flatMap(a -> IacValues.terraformLiteral(module, a));
                    int line = assign.map(a -> a.line()).orElse(network.line());
                    var evidence = Evidence.of("Resource", name, "assign_public_ip",
                            assign.isEmpty() ? "(not set: false)" : value.map(String::valueOf).orElse("(computed)"));
                    Finding finding = value.filter(Boolean.TRUE::equals).isPresent()
                            ? ctx.nok(service.path(), null, name + " sets assign_public_ip = true: its tasks are"
                            + " reachable from the internet, guarded only by their security group.", evidence)
                            : ctx.ok(service.path(), null, name + " gives its tasks private IP addresses only.",
                            evidence);
                    findings.add(IacFinding.at(finding, repository, IacFinding.TERRAFORM, service.path(), line));
                }
            }
        }
        for (IacFiles.Document document : iac.ecsJson()) {
            judgeJson(ctx, repository, document.path(), document.root(), findings);
        }
    }

    private static Finding judgeTemplate(CheckContext ctx, Repository repository, CfnTemplate template,
                                         CfnTemplate.Resource service, CfnNode awsvpc) {
        var assign = awsvpc.get("AssignPublicIp");
        List<String> values = assign.map(a -> IacValues.cfnLiterals(template, a)).orElse(List.of("DISABLED"));
        int line = assign.isPresent() ? awsvpc.lineOf("AssignPublicIp") : service.line();
        var evidence = Evidence.of("Resource", service.logicalId(), "Type", service.type(),
                "AssignPublicIp", assign.isEmpty() ? "(not set: DISABLED)" : String.join(" or ", values));
        Finding finding = values.contains("ENABLED")
                ? ctx.nok(template.path(), null, service.logicalId() + " (" + service.type() + ") sets AssignPublicIp"
                + " ENABLED: its tasks are reachable from the internet, guarded only by their security group.", evidence)
                : ctx.ok(template.path(), null, service.logicalId() + " gives its tasks private IP addresses only.",
                evidence);
        return IacFinding.at(finding, repository, IacFinding.CLOUDFORMATION, template.path(), line);
    }

    /** Every {@code "assignPublicIp"} of an ECS JSON document (create-service input, task set, ...). */
    private static void judgeJson(CheckContext ctx, Repository repository, String path, CfnNode node,
                                  List<Finding> findings) {
        node.entries().forEach((key, value) -> {
            if (key.equals("assignPublicIp") && value.isScalar()) {
                String setting = value.text().orElse("");
                var evidence = Evidence.of("assignPublicIp", setting);
                Finding finding = setting.equalsIgnoreCase("ENABLED")
                        ? ctx.nok(path, null, "assignPublicIp is ENABLED: the tasks are reachable from the internet,"
                        + " guarded only by their security group.", evidence)
                        : ctx.ok(path, null, "assignPublicIp is " + setting + ".", evidence);
                findings.add(IacFinding.at(finding, repository, IacFinding.FILE, path, node.lineOf(key)));
            } else {
                judgeJson(ctx, repository, path, value, findings);
            }
        });
        node.items().forEach(item -> judgeJson(ctx, repository, path, item, findings));
    }
}
