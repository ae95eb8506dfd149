package com.huntaze.audit.services.dynamodb;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** dynamodb.deletion-protection: no table can be deleted by one call (DescribeTable DeletionProtectionEnabled). */
public final class DynamoDbDeletionProtectionCheck implements Check {

    @Override
    public String id() {
        return "dynamodb.deletion-protection";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(DynamoDbDatasets.TABLES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(DynamoDbDatasets.TABLES).stream().map(t -> {
            var evidence = Evidence.of("DeletionProtectionEnabled", t.deletionProtection(),
                    "TableStatus", t.status(), "BillingMode", t.billingMode());
            return t.deletionProtection()
                    ? ctx.ok(t.name(), t.arn(), "Deletion protection is on.", evidence)
                    : ctx.nok(t.name(), t.arn(), "No deletion protection: one DeleteTable call (a script, a Terraform"
                            + " destroy) removes the table and its items.", evidence);
        }).toList();
    }
}
