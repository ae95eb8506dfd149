package com.huntaze.audit.report;

import java.util.List;
import java.util.Map;

/**
 * What a report is of, in one word for file names and JUnit suite names: the account id, {@code accounts} for a
 * report of several accounts, or for a run without AWS
 * ({@code --no-aws}) {@code repo-} and the first repository's name ({@code no-aws} with no repository either).
 */
public final class AuditedName {
    private AuditedName() {
    }

    @SuppressWarnings("unchecked")
    public static String of(Map<String, Object> report) {
        Object account = report.get("account");
        if (account != null) {
            return String.valueOf(account);
        }
        if (report.get("accounts") instanceof List<?>) { // a report of several accounts
            return "accounts";
        }
        List<Map<String, Object>> repositories = (List<Map<String, Object>>) report.get("repositories");
        return repositories == null || repositories.isEmpty() ? "no-aws"
                : "repo-" + repositories.get(0).get("name");
    }
}
