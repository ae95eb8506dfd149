package com.huntaze.audit.engine;

/** Whether a check runs once per audited region or once for the account's global services (IAM). */
public enum Scope {
    REGIONAL,
    GLOBAL;

    /** The region name findings of global checks carry in the report. */
    public static final String GLOBAL_REGION = "global";
}
