package com.huntaze.audit.engine;

import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.services.rds.RdsDatasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.services.rds.RdsIdleInstanceCheck;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.services.rds.DbInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry's rules for checks that read CloudWatch metrics, and a spec's own rules. */
class MetricSpecCatalogTest {

    /** A check with the identity of a real one (so that its metadata loads), and the given datasets and metrics. */
    private static Check check(String id, Set<Dataset<?>> requires, List<MetricSpec<?>> metrics) {
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<Dataset<?>> requires() {
                return requires;
            }

            @Override
            public List<MetricSpec<?>> metrics() {
                return metrics;
            }

            @Override
            public List<Finding> evaluate(CheckContext context) {
                return List.of();
            }
        };
    }

    private static final Set<Dataset<?>> BOTH = Set.of(RdsDatasets.DB_INSTANCES, MetricData.DATASET);

    private static MetricSpec.Builder<DbInstance> spec(String id) {
        return MetricSpec.of(id, RdsDatasets.DB_INSTANCES, DbInstance::id).metric("AWS/RDS", "DatabaseConnections")
                .dimensions(db -> Map.of("DBInstanceIdentifier", db.id())).statistic(MetricSpec.Statistic.Maximum)
                .lookback(Idle.DAYS);
    }

    @Test
    void aCheckWithMetricsMustRequireTheMetricsAndTheirResources() {
        assertThatThrownBy(() -> CheckRegistry.of(List.of(check("rds.idle-instance", Set.of(RdsDatasets.DB_INSTANCES),
                List.of(RdsIdleInstanceCheck.CONNECTIONS)))))
                .isInstanceOf(CatalogException.class).hasMessageContaining("must require cloudwatch.metrics");
        assertThatThrownBy(() -> CheckRegistry.of(List.of(check("rds.idle-instance", Set.of(MetricData.DATASET),
                List.of(RdsIdleInstanceCheck.CONNECTIONS)))))
                .isInstanceOf(CatalogException.class).hasMessageContaining("rds.dbInstances");
    }

    @Test
    void oneSpecIdCannotNameTwoDifferentQueries() {
        Check other = check("rds.multi-az", BOTH,
                List.of(spec(RdsIdleInstanceCheck.CONNECTIONS.id()).statistic(MetricSpec.Statistic.Average).build()));
        assertThatThrownBy(() -> CheckRegistry.of(List.of(new RdsIdleInstanceCheck(), other)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("names two different queries");
    }

    @Test
    void theSameSpecInTwoChecksIsShared() {
        Check same = check("rds.multi-az", BOTH, List.of(spec(RdsIdleInstanceCheck.CONNECTIONS.id()).build()));
        assertThat(CheckRegistry.of(List.of(new RdsIdleInstanceCheck(), same)).checks()).hasSize(2);
    }

    @Test
    void aSpecsPeriodIsWholeMinutesThatDivideADay() {
        assertThat(spec("ok.hourly").period(Duration.ofHours(1)).build().describe())
                .isEqualTo("AWS/RDS DatabaseConnections (Maximum per 1 h)");
        assertThatThrownBy(() -> spec("bad.period").period(Duration.ofSeconds(90)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divide a day");
        assertThatThrownBy(() -> spec("bad.period").period(Duration.ofMinutes(7)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec("Bad Id").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
