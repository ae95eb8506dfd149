package com.huntaze.audit.services.backup;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One resource assignment of an AWS Backup plan, from GetBackupSelection: resource ARNs (with {@code *} wildcards,
 * e.g. {@code arn:aws:rds:*:*:db:*}, or {@code *} for every supported resource), ARNs left out, and tag conditions.
 * The tags themselves are not read (one call per resource): a selection by tags is only known to select
 * <em>something</em>.
 *
 * @param listOfTags the ListOfTags conditions ({@code KEY = VALUE}): a resource matching any of them is selected,
 *                   whatever its ARN (they are ORed with the ARNs)
 * @param conditions the Conditions ({@code KEY = VALUE}, {@code KEY like VALUE}, ...): every one must hold, on top
 *                   of the ARNs when there are any (they are ANDed)
 */
public record BackupSelection(String id, String name, List<String> resources, List<String> notResources,
                              List<String> listOfTags, List<String> conditions) {

    public BackupSelection {
        resources = resources == null ? List.of() : List.copyOf(resources);
        notResources = notResources == null ? List.of() : List.copyOf(notResources);
        listOfTags = listOfTags == null ? List.of() : List.copyOf(listOfTags);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** Whether it selects by tags at all. */
    public boolean selectsByTags() {
        return !listOfTags.isEmpty() || !conditions.isEmpty();
    }

    /** The first of its resource ARNs (patterns) that matches {@code arn}, or null. */
    public String matchingPattern(String arn) {
        return resources.stream().filter(pattern -> matches(pattern, arn)).findFirst().orElse(null);
    }

    /** Left out by its NotResources. */
    public boolean excludes(String arn) {
        return notResources.stream().anyMatch(pattern -> matches(pattern, arn));
    }

    /** Selected for sure by its ARNs: no tag condition can narrow it, and not left out. */
    public boolean selectsByArn(String arn) {
        return conditions.isEmpty() && matchingPattern(arn) != null && !excludes(arn);
    }

    /**
     * Selected only if its tags say so (unknown here): its ListOfTags may pick any resource; its Conditions narrow
     * its ARNs (or everything, without ARNs).
     */
    public boolean maySelectByTags(String arn) {
        if (!selectsByTags() || excludes(arn)) {
            return false;
        }
        return !listOfTags.isEmpty() || resources.isEmpty() || matchingPattern(arn) != null;
    }

    /** An AWS Backup resource pattern: {@code *} matches any run of characters, everything else itself. */
    static boolean matches(String pattern, String arn) {
        if (pattern == null || arn == null) {
            return false;
        }
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.matches(regex, arn);
    }
}
