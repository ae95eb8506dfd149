package com.huntaze.audit.config;

/**
 * An invalid config file. The message is one line for the user, naming the file, the line and the key:
 * {@code huntaze-audit.yml:12: thresholds.minBackupDays: expected a whole number, not 'seven'}.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
