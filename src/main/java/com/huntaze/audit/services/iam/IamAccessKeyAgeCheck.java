package com.huntaze.audit.services.iam;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * iam.access-key-age: every active access key is younger than {@code maxKeyAgeDays} and was used within as many
 * days. A key never used gets a grace period of {@link #NEW_KEY_GRACE_DAYS} days (it may just have been handed
 * out); after that it counts as unused. Inactive keys cannot sign anything: they get no finding.
 */
public final class IamAccessKeyAgeCheck implements Check {

    /**
     * 1 to 3650: ages are whole days; a limit of ten years passes any key in practice (90 is the usual policy),
     * so more is a typo.
     */
    public static final Threshold MAX_KEY_AGE_DAYS = new Threshold("maxKeyAgeDays", 90, "days", 1, 3650,
            "--max-key-age-days", "Maximum age of an active IAM access key, and maximum days since its last use");

    /** A never-used key older than this many days counts as unused. */
    static final int NEW_KEY_GRACE_DAYS = 7;

    @Override
    public String id() {
        return "iam.access-key-age";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(IamDatasets.ACCESS_KEYS);
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MAX_KEY_AGE_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int maxDays = ctx.threshold(MAX_KEY_AGE_DAYS);
        return ctx.get(IamDatasets.ACCESS_KEYS).stream()
                .filter(IamAccessKey::active)
                .map(k -> judge(ctx, k, maxDays))
                .toList();
    }

    private static Finding judge(CheckContext ctx, IamAccessKey k, int maxDays) {
        Duration age = Duration.between(k.createDate(), ctx.now());
        // Whole days, rounded down: "younger than 90 days" is exactly "fewer than 90 whole days old".
        long ageDays = age.toDays();
        Long idleDays = k.lastUsedDate() == null ? null : Duration.between(k.lastUsedDate(), ctx.now()).toDays();
        var evidence = Evidence.of(
                "AccessKeyId", k.maskedAccessKeyId(),
                "AgeDays", ageDays,
                "LastUsed", k.lastUsedDate() == null ? "never" : k.lastUsedDate().toString(),
                "LastUsedService", k.lastUsedService(),
                "MaxKeyAgeDays", maxDays);
        String key = "Key " + k.maskedAccessKeyId();
        List<String> problems = new ArrayList<>();
        if (ageDays >= maxDays) {
            problems.add("is " + ageDays + " days old (limit " + maxDays + ")");
        }
        if (idleDays == null && age.compareTo(Duration.ofDays(NEW_KEY_GRACE_DAYS)) > 0) {
            problems.add("was never used in its " + ageDays + " days");
        } else if (idleDays != null && idleDays >= maxDays) {
            problems.add("was last used " + idleDays + " days ago (limit " + maxDays + ")");
        }
        if (!problems.isEmpty()) {
            return ctx.nok(k.userName(), k.userArn(), key + " " + String.join(" and ", problems) + ".", evidence);
        }
        String use = idleDays == null ? "not used yet (new key)"
                : idleDays == 0 ? "used today" : "last used " + idleDays + " day" + (idleDays == 1 ? "" : "s") + " ago";
        return ctx.ok(k.userName(), k.userArn(), key + " is " + ageDays + " day" + (ageDays == 1 ? "" : "s")
                + " old, " + use + ".", evidence);
    }
}
