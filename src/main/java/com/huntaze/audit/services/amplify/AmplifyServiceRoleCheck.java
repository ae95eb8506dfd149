package com.huntaze.audit.services.amplify;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * amplify.service-role: the server-side runtime of an SSR app has an IAM role, so that code calling AWS gets
 * temporary credentials instead of keys in environment variables. A {@code WEB_COMPUTE} app with no
 * {@code computeRoleArn} of its own, and a branch without one either, is NOK ("the SSR runtime has no role"); the
 * app's {@code iamServiceRoleArn}, the role Amplify builds with (it does not reach the runtime), goes into the
 * evidence. One finding per app:
 * <ul>
 *   <li>{@code WEB} (static) apps have no server-side runtime: OK with a note;</li>
 *   <li>a {@code WEB_COMPUTE} app without a role and without any branch runs nothing yet: OK with a note (set the
 *       role before the first branch);</li>
 *   <li>{@code WEB_DYNAMIC}, the previous SSR platform, has no compute role at all (its server code runs as
 *       Lambda@Edge functions Amplify creates, with their own role): TODO, verify how its code reaches AWS or move
 *       it to WEB_COMPUTE.</li>
 * </ul>
 */
public final class AmplifyServiceRoleCheck implements Check {

    static final String WEB = "WEB";
    static final String WEB_COMPUTE = "WEB_COMPUTE";
    static final String WEB_DYNAMIC = "WEB_DYNAMIC";

    @Override
    public String id() {
        return "amplify.service-role";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(AmplifyDatasets.APPS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(AmplifyDatasets.APPS).stream().map(app -> judge(ctx, app)).toList();
    }

    private static Finding judge(CheckContext ctx, AmplifyApp app) {
        List<String> withoutRole = app.branches().stream().filter(b -> blank(b.computeRoleArn()))
                .map(AmplifyBranch::name).toList();
        List<String> withRole = app.branches().stream().filter(b -> !blank(b.computeRoleArn()))
                .map(b -> b.name() + ": " + b.computeRoleArn()).toList();
        boolean compute = WEB_COMPUTE.equals(app.platform());
        var evidence = Evidence.of("App", app.name(),
                "Platform", app.platform(),
                "ComputeRoleArn", blank(app.computeRoleArn()) ? (compute ? "none" : null) : app.computeRoleArn(),
                "BranchComputeRoles", withRole.isEmpty() ? null : withRole,
                "BranchesWithoutRole", compute && blank(app.computeRoleArn()) && !withoutRole.isEmpty()
                        ? withoutRole : null,
                "IamServiceRoleArn", blank(app.iamServiceRoleArn()) ? "none" : app.iamServiceRoleArn(),
                "Note", notes(app, compute));
        if (WEB_DYNAMIC.equals(app.platform())) {
            return ctx.todo(app.appId(), app.arn(), "Platform WEB_DYNAMIC (the previous SSR platform) has no compute"
                    + " role: verify how its server code reaches AWS, or move the app to WEB_COMPUTE.", evidence);
        }
        if (!compute) {
            return ctx.ok(app.appId(), app.arn(), "Static app (platform " + app.platform() + "): no server-side"
                    + " runtime, so no role is needed.", evidence);
        }
        if (!blank(app.computeRoleArn())) {
            return ctx.ok(app.appId(), app.arn(), "The SSR runtime assumes " + app.computeRoleArn() + ".", evidence);
        }
        if (app.branches().isEmpty()) {
            return ctx.ok(app.appId(), app.arn(), "No branch: nothing runs server-side yet (set a compute role before"
                    + " the first one).", evidence);
        }
        if (withoutRole.isEmpty()) {
            return ctx.ok(app.appId(), app.arn(), "Every branch's SSR runtime has a role.", evidence);
        }
        return ctx.nok(app.appId(), app.arn(), "The SSR runtime has no role: code that calls AWS needs keys in"
                + " environment variables (branch" + (withoutRole.size() == 1 ? " " : "es ")
                + String.join(", ", withoutRole) + "; the app has no computeRoleArn).", evidence);
    }

    private static String notes(AmplifyApp app, boolean compute) {
        if (WEB.equals(app.platform())) {
            return "static (WEB) app: no server-side runtime";
        }
        if (compute && blank(app.computeRoleArn()) && app.branches().isEmpty()) {
            return "no branch deployed";
        }
        if (compute && !blank(app.iamServiceRoleArn()) && blank(app.computeRoleArn())) {
            return "the service role is Amplify's build role: the SSR runtime does not assume it";
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
