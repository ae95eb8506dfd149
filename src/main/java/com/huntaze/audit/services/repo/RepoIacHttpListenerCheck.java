package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.repo.iac.CfnNode;
import com.huntaze.audit.services.repo.iac.CfnTemplate;
import com.huntaze.audit.services.repo.iac.HclBlock;
import com.huntaze.audit.services.repo.iac.IacFiles;
import com.huntaze.audit.services.repo.iac.IacFinding;
import com.huntaze.audit.services.repo.iac.IacValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * repo.iac-http-listener: every HTTP listener the infrastructure code declares redirects to HTTPS, and an
 * internet-facing application load balancer has an HTTPS listener.
 */
public final class RepoIacHttpListenerCheck extends IacCheck {
    private static final String CFN_LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
    private static final String CFN_LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";

    public RepoIacHttpListenerCheck() {
        super("repo.iac-http-listener", Reads.CLOUDFORMATION, Reads.TERRAFORM);
    }

    @Override
    void judgeCode(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings) {
        iac.templates().forEach(t -> judgeTemplate(ctx, repository, t, findings));
        iac.terraformModules().forEach(m -> judgeModule(ctx, repository, m, findings));
    }

    private static void judgeTemplate(CheckContext ctx, Repository repository, CfnTemplate template,
                                      List<Finding> findings) {
        List<String> httpsBalancers = new ArrayList<>();
        for (CfnTemplate.Resource listener : template.resources(CFN_LISTENER)) {
            String protocol = listener.property("Protocol").map(p -> IacValues.cfnLiterals(template, p))
                    .flatMap(l -> l.stream().findFirst()).orElse("").toUpperCase(Locale.ROOT);
            listener.property("LoadBalancerArn").flatMap(CfnTemplate::referencedId).ifPresent(lb -> {
                if (protocol.equals("HTTPS")) {
                    httpsBalancers.add(lb);
                }
            });
            if (!protocol.equals("HTTP")) {
                continue;
            }
            boolean redirects = listener.property("DefaultActions").map(CfnNode::items).orElse(List.of()).stream()
                    .anyMatch(action -> action.get("Type").flatMap(CfnNode::text).filter("redirect"::equalsIgnoreCase)
                            .isPresent() && action.path("RedirectConfig", "Protocol").flatMap(CfnNode::text)
                            .filter("HTTPS"::equalsIgnoreCase).isPresent());
            int line = listener.properties().lineOf("Protocol");
            findings.add(IacFinding.at(httpListener(ctx, template.path(), listener.logicalId(), redirects), repository,
                    IacFinding.CLOUDFORMATION, template.path(), line));
        }
        for (CfnTemplate.Resource balancer : template.resources(CFN_LOAD_BALANCER)) {
            String scheme = balancer.property("Scheme").flatMap(CfnNode::text).orElse("internet-facing");
            String type = balancer.property("Type").flatMap(CfnNode::text).orElse("application");
            if (scheme.equals("internet-facing") && type.equals("application")) {
                findings.add(IacFinding.at(internetFacing(ctx, template.path(), balancer.logicalId(),
                                httpsBalancers.contains(balancer.logicalId())), repository, IacFinding.CLOUDFORMATION,
                        template.path(), balancer.line()));
            }
        }
    }

    private static void judgeModule(CheckContext ctx, Repository repository, IacFiles.TerraformModule module,
                                    List<Finding> findings) {
        List<String> httpsBalancers = new ArrayList<>();
        boolean computedProtocol = false;
        List<IacFiles.Located> listeners = new ArrayList<>(module.resources("aws_lb_listener"));
        listeners.addAll(module.resources("aws_alb_listener"));
        for (IacFiles.Located located : listeners) {
            HclBlock listener = located.block();
            String name = listener.label(0) + "." + listener.label(1);
            var protocolAttribute = listener.attribute("protocol");
            var literalProtocol = protocolAttribute.flatMap(a -> IacValues.terraformLiteral(module, a));
            if (protocolAttribute.isPresent() && literalProtocol.isEmpty()) {
                computedProtocol = true; // for_each over a map of listeners: the code does not say which is HTTP
                continue;
            }
            // Terraform's default protocol is HTTP, unless a certificate makes it an HTTPS listener
            String protocol = literalProtocol.map(String::valueOf)
                    .orElse(listener.attribute("certificate_arn").isPresent() ? "HTTPS" : "HTTP")
                    .toUpperCase(Locale.ROOT);
            listener.attribute("load_balancer_arn").ifPresent(arn -> {
                if (protocol.equals("HTTPS")) {
                    httpsBalancers.add(arn.source().replaceFirst("\\.(arn|id)$", ""));
                }
            });
            if (!protocol.equals("HTTP")) {
                continue;
            }
            boolean redirects = listener.blocks("default_action").stream().anyMatch(action ->
                    action.attribute("type").flatMap(HclBlock.Attribute::string).filter("redirect"::equals).isPresent()
                            && action.blocks("redirect").stream().anyMatch(r -> r.attribute("protocol")
                            .flatMap(HclBlock.Attribute::string).filter("HTTPS"::equalsIgnoreCase).isPresent()));
            int line = protocolAttribute.map(HclBlock.Attribute::line).orElse(listener.line());
            findings.add(IacFinding.at(httpListener(ctx, located.path(), name, redirects), repository,
                    IacFinding.TERRAFORM, located.path(), line));
        }
        List<IacFiles.Located> balancers = new ArrayList<>(module.resources("aws_lb"));
        balancers.addAll(module.resources("aws_alb"));
        for (IacFiles.Located located : balancers) {
            HclBlock balancer = located.block();
            // a computed internal, type or listener protocol: the code alone does not say, so it is not judged
            Optional<Object> internal = balancer.attribute("internal")
                    .map(a -> IacValues.terraformLiteral(module, a)).orElse(Optional.of(Boolean.FALSE));
            Optional<Object> type = balancer.attribute("load_balancer_type")
                    .map(a -> IacValues.terraformLiteral(module, a)).orElse(Optional.of("application"));
            if (!computedProtocol && internal.filter(Boolean.FALSE::equals).isPresent()
                    && type.filter("application"::equals).isPresent()) {
                String name = balancer.label(0) + "." + balancer.label(1);
                findings.add(IacFinding.at(internetFacing(ctx, located.path(), name, httpsBalancers.contains(name)),
                        repository, IacFinding.TERRAFORM, located.path(), balancer.line()));
            }
        }
    }

    private static Finding httpListener(CheckContext ctx, String path, String name, boolean redirects) {
        var evidence = Evidence.of("Resource", name, "Protocol", "HTTP", "DefaultAction",
                redirects ? "redirect to HTTPS" : "no redirect to HTTPS");
        return redirects
                ? ctx.ok(path, null, name + " listens on HTTP and redirects to HTTPS.", evidence)
                : ctx.nok(path, null, name + " serves plain HTTP: its default action is not a redirect to HTTPS, so"
                + " sessions and passwords cross the internet in clear.", evidence);
    }

    private static Finding internetFacing(CheckContext ctx, String path, String name, boolean hasHttps) {
        var evidence = Evidence.of("Resource", name, "Scheme", "internet-facing", "HttpsListener", hasHttps);
        return hasHttps
                ? ctx.ok(path, null, "The internet-facing load balancer " + name + " has an HTTPS listener.", evidence)
                : ctx.nok(path, null, "The internet-facing load balancer " + name + " has no HTTPS listener in this"
                + " code: its traffic is plain HTTP.", evidence);
    }
}
