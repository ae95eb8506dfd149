package com.huntaze.audit.services.s3;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** S3 and S3 Control: the bucket list, Block Public Access (account and buckets), versioning, lifecycle rules. */
public final class S3AuditService implements AuditService {

    @Override
    public String id() {
        return "s3";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(S3Collectors.BUCKETS, S3Collectors.ACCOUNT_PUBLIC_ACCESS_BLOCK,
                S3Collectors.BUCKET_PUBLIC_ACCESS_BLOCKS, S3Collectors.BUCKET_VERSIONING,
                S3Collectors.BUCKET_LIFECYCLE);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(S3Clients.S3, S3Clients.S3_CONTROL);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new S3PublicAccessBlockCheck(), new S3VersioningCheck(), new S3LifecycleCheck());
    }

    /** Its buckets are origins {@code cloudfront.origin-in-account} can verify. */
    @Override
    public List<?> contributions() {
        return List.of(S3OriginOwners.BUCKETS);
    }
}
