package com.huntaze.audit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A section of the config file that belongs to one check, for settings that are more than a number (numbers are
 * {@link Threshold}s): e.g. {@code alarmCoverage:} of {@code cloudwatch.alarm-coverage}. The check declares it in
 * {@link Check#settings()}; the config loader knows sections only through the registry, hands each written section
 * to its {@link Binder}, and the check reads the bound value with {@link CheckContext#settings(SettingsSection)}.
 *
 * @param key         the top-level key in the config file
 * @param type        the bound value's type
 * @param defaultValue the value when the file has no such section (or an empty one), made when first asked for
 *                    (an embedded table is read only by a run that needs it, not by every start; see {@link #defaults})
 * @param binder      reads the section's YAML and reports what is wrong with it
 * @param description one line for {@code list-checks --thresholds}
 * @param <T>         the bound value's type
 */
public record SettingsSection<T>(String key, Class<T> type, Supplier<? extends T> defaultValue, Binder<T> binder,
                                 String description) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

    public SettingsSection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(binder, "binder");
        Objects.requireNonNull(description, "description");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("settings section key '" + key + "' must be a camelCase word");
        }
    }

    /** A section whose default is made when first asked for (e.g. read from an embedded table). */
    public static <T> SettingsSection<T> withDefaultsFrom(String key, Class<T> type, Supplier<? extends T> defaults,
                                                          Binder<T> binder, String description) {
        return new SettingsSection<>(key, type, defaults, binder, description);
    }

    /** A section whose default is a value at hand. */
    public SettingsSection(String key, Class<T> type, T defaults, Binder<T> binder, String description) {
        this(key, type, () -> defaults, binder, description);
        Objects.requireNonNull(defaults, "defaults");
    }

    /** The value when the file has no such section (or an empty one). */
    public T defaults() {
        return Objects.requireNonNull(defaultValue.get(), "defaults");
    }

    /** Binds a section as written. */
    @FunctionalInterface
    public interface Binder<T> {
        /**
         * The value of a section the file has (not null, not empty). Problems go to {@code input}, which names
         * the file, the line and the key; the value returned after a problem is not used.
         */
        T bind(JsonNode node, Input input);
    }

    /** What a binder reads the section with: strict binding, and problems named by file, line and key. */
    public interface Input {
        /**
         * {@code node} (the section or a part of it, at {@code path} below the section) bound to {@code type} as
         * strictly as the rest of the file: an unknown key or a wrong type is a problem, and the result null.
         */
        <W> W read(JsonNode node, List<Object> path, Class<W> type);

        /** A problem at {@code path} below the section: keys and list indexes, e.g. {@code [required, alb, 1]}. */
        void problem(List<Object> path, String problem);
    }

    /** A value from the file, quoted for a message: one line, and not too long. */
    public static String quote(Object value) {
        String text = String.valueOf(value).strip().replaceAll("\\s+", " ");
        return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }
}
