package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Concurrent collection never changes the report: twenty runs, byte-identical apart from generatedAt and stats. */
@ExtendWith(Moto.class)
class DeterminismIT {

    @Test
    void twentyRunsOverTheSameAccountProduceTheSameJson(MotoServer moto) throws Exception {
        try (StubProxy proxy = new StubProxy(moto.endpoint())) {
            for (String region : List.of("us-east-1", "eu-west-1")) {
                for (int i = 0; i < 4; i++) {
                    Seed.db(moto, region, "db-" + i, i % 2 == 0, i, i == 3, i != 1);
                    Seed.ecsCluster(moto, region, "cluster-" + i, i % 2 == 1);
                }
                Seed.sesAccount(proxy, region, region.equals("us-east-1"));
            }
            Seed.noBackupSelectionsRestoresOrCacheEvents(proxy);
            String[] args = {"check", "--endpoint-url", proxy.endpoint().toString(), "--region",
                    "us-east-1,eu-west-1", "--format", "json"};

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(pool.submit(() -> withoutVolatileFields(CliRun.of(args).out())));
            }
            List<String> reports = new ArrayList<>();
            for (Future<String> run : runs) {
                reports.add(run.get());
            }
            pool.shutdown();

            assertThat(reports.get(0)).contains("\"checkId\" : \"rds.multi-az\"").contains("cluster-3");
            assertThat(reports).allSatisfy(r -> assertThat(r).isEqualTo(reports.get(0)));
        }
    }

    private static String withoutVolatileFields(String json) {
        return json.replaceAll("\"generatedAt\" : \"[^\"]+\",", "")
                .replaceAll("(?s),\\s*\"stats\" : \\{.*\\}\\s*}\\s*$", "}");
    }
}
