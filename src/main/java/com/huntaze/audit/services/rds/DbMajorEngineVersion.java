package com.huntaze.audit.services.rds;

import java.time.Instant;
import java.util.List;

/**
 * One major version of an RDS or Aurora engine and its support lifecycles, from DescribeDBMajorEngineVersions.
 *
 * @param engine             {@code postgres}, {@code mysql}, {@code aurora-postgresql}, ...
 * @param majorEngineVersion {@code 16}, {@code 8.0}, {@code 9.6}, ...
 * @param lifecycles         its SupportedEngineLifecycles; none for engines AWS gives no lifecycle (Oracle, SQL
 *                           Server, Db2)
 */
public record DbMajorEngineVersion(String engine, String majorEngineVersion, List<Lifecycle> lifecycles) {

    /** The lifecycle of RDS standard support (then RDS Extended Support, billed per vCPU-hour). */
    public static final String STANDARD_SUPPORT = "open-source-rds-standard-support";
    public static final String EXTENDED_SUPPORT = "open-source-rds-extended-support";

    public DbMajorEngineVersion {
        lifecycles = lifecycles == null ? List.of() : List.copyOf(lifecycles);
    }

    /** The lifecycle named {@code name} ({@link #STANDARD_SUPPORT}, {@link #EXTENDED_SUPPORT}), or null. */
    public Lifecycle lifecycle(String name) {
        return lifecycles.stream().filter(l -> name.equals(l.name())).findFirst().orElse(null);
    }

    /** @param name LifecycleSupportName, e.g. {@link #STANDARD_SUPPORT} */
    public record Lifecycle(String name, Instant start, Instant end) {
    }
}
