package com.huntaze.audit.services.amplify;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * amplify.no-aws-keys-in-env: no AWS credentials in an Amplify app's environment variables (the app's, which every
 * branch inherits, or a branch's). A variable named {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} or
 * {@code AWS_SESSION_TOKEN}, or ending with {@code _AWS_ACCESS_KEY_ID} or {@code _AWS_SECRET_ACCESS_KEY} (Amplify
 * reserves the {@code AWS_} prefix, so keys often hide as {@code APP_AWS_SECRET_ACCESS_KEY}), or whose value holds an
 * access key id ({@code AKIA}/{@code ASIA} + 16), is NOK, naming the app, the branch and the variable; never a value
 * (the collector keeps none), for a key-shaped value the masked key id ({@code AKIA…WXYZ}) at most. One finding per
 * app; OK otherwise, with the number of variables and their names. Names are compared without case.
 */
public final class AmplifyNoAwsKeysInEnvCheck implements Check {

    static final Set<String> CREDENTIAL_NAMES = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN");
    static final List<String> CREDENTIAL_SUFFIXES = List.of("_AWS_ACCESS_KEY_ID", "_AWS_SECRET_ACCESS_KEY");

    /** How findings name the app-level variables, which every branch inherits. */
    static final String APP_LEVEL = "(app)";

    @Override
    public String id() {
        return "amplify.no-aws-keys-in-env";
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
        List<String> names = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        Set<String> branches = new LinkedHashSet<>();
        scan(APP_LEVEL, app.environmentVariables(), names, offending, branches);
        for (AmplifyBranch branch : app.branches()) {
            scan(branch.name(), branch.environmentVariables(), names, offending, branches);
        }
        var evidence = Evidence.of("App", app.name(),
                "Platform", app.platform(),
                "Variables", names.size(),
                "VariableNames", names,
                "Offending", offending.isEmpty() ? null : offending,
                "Branches", branches.isEmpty() ? null : List.copyOf(branches));
        if (offending.isEmpty()) {
            return ctx.ok(app.appId(), app.arn(), names.isEmpty() ? "No environment variable."
                    : names.size() + " environment variable" + (names.size() == 1 ? "" : "s") + ", none holding AWS"
                    + " keys.", evidence);
        }
        // One clause per branch: "branch main: AWS_ACCESS_KEY_ID (...), AWS_SECRET_ACCESS_KEY"
        java.util.Map<String, List<String>> byPlace = new java.util.LinkedHashMap<>();
        for (String o : offending) {
            int colon = o.indexOf(": ");
            byPlace.computeIfAbsent(o.substring(0, colon), k -> new ArrayList<>()).add(o.substring(colon + 2));
        }
        List<String> clauses = new ArrayList<>();
        byPlace.forEach((place, variables) -> clauses.add(place + ": " + String.join(", ", variables)));
        return ctx.nok(app.appId(), app.arn(), "AWS credentials in the environment of app " + app.name() + ": "
                + String.join("; ", clauses) + ". Anyone who can read the app's settings or its build logs has"
                + " them, and they never rotate.", evidence);
    }

    /** Adds {@code where}'s variable names to {@code names}, and the credential-looking ones to {@code offending}. */
    private static void scan(String where, List<AmplifyVariable> variables, List<String> names, List<String> offending,
                             Set<String> branches) {
        String label = APP_LEVEL.equals(where) ? "app-level (every branch)" : "branch " + where;
        for (AmplifyVariable v : variables) {
            names.add((APP_LEVEL.equals(where) ? "" : where + ": ") + v.name());
            boolean byName = isCredentialName(v.name());
            if (byName || v.maskedKeyId() != null) {
                offending.add(label + ": " + v.name() + (v.maskedKeyId() == null ? ""
                        : " (value holds access key id " + v.maskedKeyId() + ")"));
                branches.add(where);
            }
        }
    }

    static boolean isCredentialName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return CREDENTIAL_NAMES.contains(upper) || CREDENTIAL_SUFFIXES.stream().anyMatch(upper::endsWith);
    }
}
