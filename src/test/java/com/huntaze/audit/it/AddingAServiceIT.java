package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The README's "Adding a service" is true: a service defined only in the test source tree
 * ({@code services/dbsnapshots/}: its package with collector, record, check and service entry; its resources with
 * metadata, demo data and price figures; one META-INF/services line) is picked up by the registry, collected from
 * the emulator, judged, priced, and appears in the demo and in {@code iam-policy}, with no edit anywhere else. Its
 * META-INF line sits in {@code throwaway-service/}, which only this test puts on a class path, as a jar of
 * services would be.
 */
@ExtendWith(Moto.class)
class AddingAServiceIT {

    private static final String CHECK = "dbsnapshots.old-manual-snapshot";

    private static ClassLoader withThrowawayService() throws Exception {
        URL folder = Path.of("target", "test-classes", "throwaway-service").toUri().toURL();
        return new URLClassLoader(new URL[] {folder}, AddingAServiceIT.class.getClassLoader());
    }

    private static <T> T with(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aServiceFolderIsCollectedJudgedPricedAndShownWithNoOtherEdit(MotoServer moto) throws Exception {
        ClassLoader loader = withThrowawayService();
        ServiceCatalog catalog = ServiceCatalog.load(loader);
        assertThat(catalog.services()).extracting(AuditService::id).contains("dbsnapshots", "rds");
        assertThat(catalog.actions()).contains("rds:DescribeDBSnapshots");
        assertThat(ServiceCatalog.current().actions()).as("without it").doesNotContain("rds:DescribeDBSnapshots");

        // the catalog and the policy
        CliRun listed = with(loader, () -> CliRun.of("list-checks"));
        assertThat(listed.out()).contains(CHECK).contains("No forgotten manual RDS snapshots");
        CliRun policy = with(loader, () -> CliRun.of("iam-policy"));
        assertThat(policy.out()).contains("\"rds:DescribeDBSnapshots\"");

        // the demo: its demo.json, judged and priced with its prices.json
        CliRun demo = with(loader, () -> CliRun.of("check", "--demo", "--format", "json"));
        JsonNode old = demo.finding(CHECK, "us-east-1", "orders-db-before-migration");
        assertThat(old.get("status").asText()).isEqualTo("NOK");
        assertThat(old.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(19.0); // 200 GB × $0.095
        assertThat(CliRun.of("check", "--demo", "--format", "json").out()).as("without it").doesNotContain(CHECK);

        // a real collection: the emulator's manual snapshot, read through the guard with the declared action
        Seed.db(moto, "us-east-1", "orders-db", true, 7, false, true);
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            rds.createDBSnapshot(r -> r.dbInstanceIdentifier("orders-db").dbSnapshotIdentifier("orders-db-today"));
        }
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", moto.endpoint().toString(),
                "--region", "us-east-1", "--checks", "dbsnapshots.*", "--format", "json"));
        CliRun audit = with(loader, () -> CliRun.of(args.toArray(String[]::new)));
        assertThat(audit.exitCode()).as(audit.toString()).isZero();
        JsonNode today = audit.finding(CHECK, "us-east-1", "orders-db-today");
        assertThat(today.get("status").asText()).isEqualTo("OK");
        assertThat(today.get("evidence").get("DBInstanceIdentifier").asText()).isEqualTo("orders-db");
        assertThat(audit.json().get("stats").get("apiCalls").get("rds:DescribeDBSnapshots").asInt()).isEqualTo(1);
        assertThat(audit.json().get("stats").get("apiCalls").has("rds:DescribeDBInstances"))
                .as("only the selected check's data is collected").isFalse();
    }
}
