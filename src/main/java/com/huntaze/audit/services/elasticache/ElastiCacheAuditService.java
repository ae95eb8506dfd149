package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** ElastiCache: replication groups, cache clusters and cache subnet groups. */
public final class ElastiCacheAuditService implements AuditService {

    /** Price item: per node and hour, by node type. */
    public static final String NODE_HOUR = "elasticache.node-hour";

    @Override
    public String id() {
        return "elasticache";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(ElastiCacheCollectors.REPLICATION_GROUPS, ElastiCacheCollectors.CACHE_CLUSTERS,
                ElastiCacheCollectors.CACHE_SUBNET_GROUPS, ElastiCacheCollectors.EVENTS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(ElastiCacheCollectors.ELASTICACHE);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new ElastiCacheMultiAzCheck(),
                new ElastiCacheBackupRetentionCheck(),
                new ElastiCacheEncryptionCheck(),
                new ElastiCacheIdleClusterCheck(),
                new ElastiCacheEngineSupportCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(ElastiCacheAlarmCoverage.CACHES,
                PriceItem.byType(NODE_HOUR, "per node and hour, by node type"));
    }
}
