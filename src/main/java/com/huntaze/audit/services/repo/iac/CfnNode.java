package com.huntaze.audit.services.repo.iac;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a parsed CloudFormation template, YAML or JSON alike: a scalar, a map or a list, with the 1-based line
 * it starts on. A short-form intrinsic ({@code !Ref X}, {@code !GetAtt A.B}) is read as its long form, a one-entry map
 * ({@code {"Ref": X}}, {@code {"Fn::GetAtt": "A.B"}}) whose line is the tag's, so checks read both forms the same way.
 */
public final class CfnNode {
    private final String scalar;
    private final Map<String, CfnNode> entries;
    private final Map<String, Integer> keyLines;
    private final List<CfnNode> items;
    private final int line;

    private CfnNode(String scalar, Map<String, CfnNode> entries, Map<String, Integer> keyLines, List<CfnNode> items,
                    int line) {
        this.scalar = scalar;
        this.entries = entries;
        this.keyLines = keyLines;
        this.items = items;
        this.line = line;
    }

    /** A scalar (strings, numbers and booleans alike, as the template spells them; null for a YAML/JSON null). */
    static CfnNode scalar(String value, int line) {
        return new CfnNode(value, null, null, null, line);
    }

    /** A map; {@code keyLines} gives the line of each key. */
    static CfnNode map(Map<String, CfnNode> entries, Map<String, Integer> keyLines, int line) {
        return new CfnNode(null, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines), null,
                line);
    }

    static CfnNode list(List<CfnNode> items, int line) {
        return new CfnNode(null, null, null, List.copyOf(items), line);
    }

    /** An intrinsic function in its long form: {@code {"Fn::Sub": argument}}. */
    static CfnNode intrinsic(String function, CfnNode argument, int line) {
        Map<String, CfnNode> entries = new LinkedHashMap<>();
        entries.put(function, argument);
        return map(entries, Map.of(function, line), line);
    }

    public int line() {
        return line;
    }

    public boolean isMap() {
        return entries != null;
    }

    public boolean isList() {
        return items != null;
    }

    public boolean isScalar() {
        return entries == null && items == null;
    }

    /** The scalar's text, or empty for a map, a list or a null. */
    public Optional<String> text() {
        return Optional.ofNullable(scalar);
    }

    /** The map's entry, or empty (also for a scalar or a list). */
    public Optional<CfnNode> get(String key) {
        return entries == null ? Optional.empty() : Optional.ofNullable(entries.get(key));
    }

    /** Follows keys through nested maps: {@code path("NetworkConfiguration", "AwsvpcConfiguration")}. */
    public Optional<CfnNode> path(String... keys) {
        Optional<CfnNode> node = Optional.of(this);
        for (String key : keys) {
            node = node.flatMap(n -> n.get(key));
        }
        return node;
    }

    /** The line of a map's key (where a property is written), or the node's own line. */
    public int lineOf(String key) {
        return keyLines == null ? line : keyLines.getOrDefault(key, line);
    }

    public Map<String, CfnNode> entries() {
        return entries == null ? Map.of() : entries;
    }

    public List<CfnNode> items() {
        return items == null ? List.of() : items;
    }

    /**
     * The intrinsic function this node is ({@code Ref}, {@code Fn::GetAtt}, {@code Condition}, ...): a one-entry map
     * whose key is {@code Ref}, {@code Condition} or starts with {@code Fn::}.
     */
    public Optional<String> intrinsic() {
        if (entries == null || entries.size() != 1) {
            return Optional.empty();
        }
        String key = entries.keySet().iterator().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::") ? Optional.of(key)
                : Optional.empty();
    }

    /** The argument of the intrinsic function {@code function}, when this node is that function. */
    public Optional<CfnNode> argument(String function) {
        return intrinsic().filter(function::equals).flatMap(this::get);
    }

    @Override
    public String toString() {
        return entries != null ? entries.toString() : items != null ? items.toString() : String.valueOf(scalar);
    }
}
