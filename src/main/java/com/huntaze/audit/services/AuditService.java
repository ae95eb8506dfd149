package com.huntaze.audit.services;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import java.util.List;

/**
 * One AWS service the audit reads, as a folder of its own: the package {@code com.huntaze.audit.services.<id>}
 * holds its collectors, records and checks; {@code services/<id>/} on the class path its resources. Found with
 * {@link java.util.ServiceLoader}: one line in {@code META-INF/services/com.huntaze.audit.services.AuditService}
 * per service. Nothing else lists a service: datasets, collectors, allowed IAM actions, the IAM policy, checks,
 * demo data and price items are all derived from what the services found declare.
 *
 * <p>Resources, each optional but the metadata:
 * <ul>
 *   <li>{@code services/<id>/checks/<check-id>.yaml}: the metadata of each check (title, severity, rationale, ...);</li>
 *   <li>{@code services/<id>/demo.json}: the service's datasets in the embedded demo account, as
 *       {@code {"datasets": {REGION: {DATASET-ID: ...}}, "failures": {REGION: {DATASET-ID: failure}}}};</li>
 *   <li>{@code services/<id>/prices.json}: the figures of its price items, in the price table's format.</li>
 * </ul>
 */
public interface AuditService {

    /**
     * The service's id: its package and resource folder name, and the prefix of its check ids ({@code rds} for
     * {@code rds.multi-az}).
     */
    String id();

    /** Every collector of the service, each filling one dataset. */
    List<DatasetCollector<?>> collectors();

    /**
     * The SDK clients its collectors call AWS with, each declared once as a {@link ServiceClient} constant of the
     * service: an audit that reads the service's datasets builds them ahead of its collectors, while the STS call is
     * in flight ({@link ServiceCatalog#clientsFor}). Empty for a service that calls no AWS API.
     */
    default List<ServiceClient<?, ?>> clients() {
        return List.of();
    }

    /**
     * The service's checks. {@code contributions} holds what every service contributes to shared features, for
     * the checks that judge across services (alarm coverage reads every {@code AlarmCoverageTarget}).
     */
    List<com.huntaze.audit.engine.Check> checks(Contributions contributions);

    /**
     * What the service adds to features other services' checks own: alarm-coverage targets
     * ({@link com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget}), price items
     * ({@link com.huntaze.audit.pricing.PriceItem}), ...
     */
    default List<?> contributions() {
        return List.of();
    }

    /** What all services found contribute, by type. */
    interface Contributions {
        <T> List<T> all(Class<T> type);
    }

    /** Convenience for {@link #checks(Contributions)} of a service whose checks need no contribution. */
    static List<Check> of(Check... checks) {
        return List.of(checks);
    }
}
