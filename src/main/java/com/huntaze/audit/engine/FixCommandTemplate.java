package com.huntaze.audit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check's remediation command with named parameters taken from the finding it fixes, as its metadata declares it
 * ({@code fixCommand: aws rds modify-db-instance --db-instance-identifier {resourceId} --multi-az --region {region}}).
 * The parameters:
 * <ul>
 *   <li>{@code {resourceId}}, {@code {resourceArn}}, {@code {region}}: the finding's own fields;</li>
 *   <li>{@code {resourceId[0]}}, {@code {resourceId[1]}}...: the parts of the resource id between slashes
 *       ({@code prod/api}: cluster {@code prod}, service {@code api});</li>
 *   <li>{@code {account}}: the finding's account, else the report's;</li>
 *   <li>{@code {evidence.KEY}}: the value of the finding's evidence {@code KEY} (a text or a number).</li>
 * </ul>
 * Which template serves a finding: the first entry of {@code fixCommandFor} whose key is the finding's resource
 * type or {@code evidence.KEY=VALUE} that its evidence has, else {@code fixCommand}; an empty template means that
 * no command fixes such findings (an Aurora cluster is made Multi-AZ by adding a reader, not by a flag).
 * A value is shell-quoted unless it is made of safe characters only: resource names are chosen by whoever created
 * the resource, and a command is meant to be pasted into a shell.
 */
public final class FixCommandTemplate {
    /** A parameter: a name in braces. Other braces (the JSON of an argument) are text. */
    public static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.\\[\\]-]*)}");
    private static final Pattern KNOWN = Pattern.compile(
            "resourceId|resourceArn|region|account|resourceId\\[\\d]|evidence\\.[A-Za-z0-9_-]+");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:@=+,%-]+");

    private FixCommandTemplate() {
    }

    /**
     * The template that serves a finding (see above), empty when none does.
     *
     * @param value a finding's parameter values, by name ({@code evidence.Source})
     */
    public static Optional<String> templateFor(String fixCommand, Map<String, String> fixCommandFor,
                                               String resourceType, Function<String, String> value) {
        for (Map.Entry<String, String> e : new TreeMap<>(fixCommandFor).entrySet()) {
            String key = e.getKey();
            int eq = key.indexOf('=');
            boolean matches = eq < 0 ? key.equals(resourceType)
                    : key.substring(eq + 1).equals(value.apply(key.substring(0, eq)));
            if (matches) {
                return e.getValue().isBlank() ? Optional.empty() : Optional.of(e.getValue().strip());
            }
        }
        return fixCommand == null || fixCommand.isBlank() ? Optional.empty() : Optional.of(fixCommand.strip());
    }

    /** The parameters a template names, in order, repeats included. */
    public static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether {@code name} is one of the parameters above. */
    public static boolean isKnown(String name) {
        return KNOWN.matcher(name).matches();
    }

    /**
     * The command for one finding: each parameter replaced by {@code value.apply(name)}, quoted for a POSIX shell
     * when needed; empty when a parameter has no value for this finding (a command with a gap is not a command).
     */
    public static Optional<String> fill(String template, Function<String, String> value) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            if (v == null || v.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shellQuoted(v)));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    static String shellQuoted(String value) {
        return SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
