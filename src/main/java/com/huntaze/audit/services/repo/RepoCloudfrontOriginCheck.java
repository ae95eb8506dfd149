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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * repo.cloudfront-origin: each origin of a CloudFront distribution in the infrastructure code is inside AWS. One
 * finding per origin, at its {@code DomainName} / {@code domain_name}.
 */
public final class RepoCloudfrontOriginCheck extends IacCheck {
    /**
     * Domains inside AWS. The issue names the first three; {@code .on.aws} (Lambda function URLs) and the China
     * partition's {@code .amazonaws.com.cn} are AWS's own too.
     */
    static final List<String> AWS_SUFFIXES = List.of(".amazonaws.com", ".amplifyapp.com", ".cloudfront.net",
            ".on.aws", ".amazonaws.com.cn");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}!]+)}");

    /** Where an origin's domain comes from, and the domain when the file says it (null: a reference inside AWS). */
    private record Origin(String domain, String source) {
    }

    public RepoCloudfrontOriginCheck() {
        super("repo.cloudfront-origin", Reads.CLOUDFORMATION, Reads.TERRAFORM);
    }

    @Override
    void judgeCode(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings) {
        for (CfnTemplate template : iac.templates()) {
            for (CfnTemplate.Resource distribution : template.resources("AWS::CloudFront::Distribution")) {
                List<CfnNode> origins = distribution.property("DistributionConfig", "Origins")
                        .map(CfnNode::items).orElse(List.of());
                for (CfnNode origin : origins) {
                    origin.get("DomainName").ifPresent(domain -> findings.add(IacFinding.at(
                            judge(ctx, template.path(), distribution.logicalId(), origin.get("Id")
                                    .flatMap(CfnNode::text).orElse("?"), cfnOrigins(template, domain)),
                            repository, IacFinding.CLOUDFORMATION, template.path(), origin.lineOf("DomainName"))));
                }
            }
        }
        for (IacFiles.TerraformModule module : iac.terraformModules()) {
            for (IacFiles.Located distribution : module.resources("aws_cloudfront_distribution")) {
                String name = "aws_cloudfront_distribution." + distribution.block().label(1);
                for (HclBlock origin : distribution.block().blocks("origin")) {
                    origin.attribute("domain_name").ifPresent(domain -> findings.add(IacFinding.at(
                            judge(ctx, distribution.path(), name, origin.attribute("origin_id")
                                            .flatMap(HclBlock.Attribute::string).orElse("?"),
                                    List.of(terraformOrigin(module, domain))),
                            repository, IacFinding.TERRAFORM, distribution.path(), domain.line())));
                }
            }
        }
    }

    private static Finding judge(CheckContext ctx, String path, String distribution, String originId,
                                 List<Origin> origins) {
        Optional<Origin> outside = origins.stream().filter(o -> o.domain() != null && !insideAws(o.domain()))
                .findFirst();
        String shown = origins.stream().map(o -> o.domain() == null ? o.source() : o.domain()).distinct()
                .reduce((a, b) -> a + " or " + b).orElse("?");
        var evidence = Evidence.of("Distribution", distribution, "OriginId", originId, "DomainName", shown,
                "Source", origins.stream().map(Origin::source).distinct().toList());
        if (outside.isPresent()) {
            return ctx.nok(path, null, distribution + " origin " + originId + " is " + outside.get().domain()
                    + " (" + outside.get().source() + "), outside AWS: the site depends on a host this account does"
                    + " not run.", evidence);
        }
        return ctx.ok(path, null, distribution + " origin " + originId + " is inside AWS (" + shown + ").", evidence);
    }

    static boolean insideAws(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        return AWS_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static List<Origin> cfnOrigins(CfnTemplate template, CfnNode domain) {
        List<Origin> origins = new ArrayList<>();
        if (domain.isScalar()) {
            origins.add(new Origin(domain.text().orElse(""), "literal"));
        } else if (domain.argument("Ref").isPresent()) {
            String name = domain.argument("Ref").flatMap(CfnNode::text).orElse("");
            if (template.hasParameter(name)) {
                List<String> defaults = template.parameterDefault(name).map(d -> IacValues.cfnLiterals(template, d))
                        .orElse(List.of());
                if (defaults.isEmpty()) {
                    origins.add(new Origin(null, "parameter " + name + " without a default"));
                }
                defaults.forEach(d -> origins.add(new Origin(d, "default of parameter " + name)));
            } else {
                origins.add(new Origin(null, "Ref " + name));
            }
        } else if (domain.argument("Fn::If").isPresent()) {
            List<CfnNode> branches = domain.argument("Fn::If").get().items();
            for (int i = 1; i < branches.size(); i++) {
                origins.addAll(cfnOrigins(template, branches.get(i)));
            }
        } else if (domain.argument("Fn::Sub").flatMap(CfnNode::text).isPresent()) {
            origins.add(substituted(template, domain.argument("Fn::Sub").flatMap(CfnNode::text).get()));
        } else {
            origins.add(new Origin(null, domain.intrinsic().orElse("expression")));
        }
        return origins;
    }

    /**
     * A {@code !Sub} string with each parameter replaced by its default: a result ending inside AWS, or still
     * holding a reference, is judged by what it ends with.
     */
    private static Origin substituted(CfnTemplate template, String sub) {
        Matcher matcher = SUBSTITUTION.matcher(sub);
        StringBuilder resolved = new StringBuilder();
        boolean unresolved = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            Optional<String> value = template.parameterDefault(name).flatMap(CfnNode::text);
            unresolved |= value.isEmpty();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value.orElse(matcher.group())));
        }
        matcher.appendTail(resolved);
        String domain = resolved.toString();
        if (unresolved && !insideAws(domain) && domain.endsWith("}")) {
            return new Origin(null, "Sub " + sub);
        }
        return new Origin(domain, "Sub");
    }

    private static Origin terraformOrigin(IacFiles.TerraformModule module, HclBlock.Attribute domain) {
        Optional<Object> literal = IacValues.terraformLiteral(module, domain);
        if (literal.isPresent()) {
            return new Origin(String.valueOf(literal.get()), domain.literal() != null ? "literal"
                    : "default of " + domain.source());
        }
        return new Origin(null, "reference");
    }
}
