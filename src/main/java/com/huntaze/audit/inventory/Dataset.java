package com.huntaze.audit.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;

/**
 * One kind of data the inventory holds per region (or once for the account, for {@link Scope#GLOBAL}), e.g. all
 * RDS DB instances of a region. Checks declare the datasets they read; the collector fetches each needed dataset
 * once per audit and shares it between all checks.
 *
 * @param id      stable name, used as the key in inventory snapshots (e.g. {@code rds.dbInstances})
 * @param scope   regional or global
 * @param service the AWS service it comes from, as in IAM action prefixes (e.g. {@code rds})
 * @param type    the Java type of the data, for reading snapshots
 */
public record Dataset<T>(String id, Scope scope, String service, TypeReference<T> type) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
