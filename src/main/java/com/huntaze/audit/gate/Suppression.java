package com.huntaze.audit.gate;

import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An accepted risk: the NOK and TODO findings of {@code check} (an id or a glob such as {@code rds.*}) about
 * {@code resource}, in {@code region} when one is given, are suppressed through {@code expires}: they keep their
 * status in the report but no longer fail the run. From the day after {@code expires} it no longer applies.
 *
 * @param check    a check id or glob, as written
 * @param resource matched against the finding's resource id and its ARN
 * @param region   null for every region ({@code global} for IAM)
 * @param by       who accepted the risk; null for a {@code --suppress} of one run
 * @param source   where it was declared, for messages: {@code huntaze-audit.yml:14} or {@code --suppress}
 * @param account  the account id or glob of the findings it applies to; null for every account. A finding
 *                 without an account (a repository's) is matched only by a suppression without one
 */
public record Suppression(String check, NamePattern resource, String region, String reason, String by,
                          LocalDate expires, String source, NamePattern account) {

    /** For every account. */
    public Suppression(String check, NamePattern resource, String region, String reason, String by,
                       LocalDate expires, String source) {
        this(check, resource, region, reason, by, expires, source, null);
    }

    /** Whether its check pattern names {@code checkId}. */
    public boolean coversCheck(String checkId) {
        return checkPattern().matcher(checkId).matches();
    }

    /** Whether it concerns {@code finding}, expired or not: only NOK and TODO findings are ever suppressed. */
    public boolean matches(Finding finding) {
        return finding.status() != Status.OK
                && coversCheck(finding.checkId())
                && (region == null || region.equals(finding.region()))
                && (account == null || account.matches(finding.account()))
                && (resource.matches(finding.resourceId()) || resource.matches(finding.resourceArn()));
    }

    /** Valid through its {@code expires} day (UTC); expired from the next day on. */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    private Pattern checkPattern() {
        return CheckSelection.glob(check);
    }
}
