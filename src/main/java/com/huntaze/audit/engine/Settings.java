package com.huntaze.audit.engine;

import java.util.Map;
import java.util.TreeMap;

/** The bound {@link SettingsSection}s of one audit: what the config file set, each by its section's key. */
public final class Settings {

    /** No section set: every check reads its sections' defaults. */
    public static final Settings NONE = new Settings(new TreeMap<>());

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = values;
    }

    /** A copy with {@code section} set to {@code value}. */
    public <T> Settings with(SettingsSection<T> section, T value) {
        Map<String, Object> copy = new TreeMap<>(values);
        copy.put(section.key(), section.type().cast(value));
        return new Settings(copy);
    }

    /** The value of {@code section}: as set, or its defaults. */
    public <T> T get(SettingsSection<T> section) {
        Object value = values.get(section.key());
        return value == null ? section.defaults() : section.type().cast(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Settings" + values;
    }
}
