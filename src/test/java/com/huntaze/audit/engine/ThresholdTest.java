package com.huntaze.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.services.ServiceCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A threshold's declaration: its range, and the one message for a value outside it. */
class ThresholdTest {

    private static final Threshold DAYS = new Threshold("someDays", 7, "days", 1, 35, "--some-days", "Some days");

    @Test
    void aValueInRangeHasNoProblemAndOneOutsideSaysTheRangeAndTheUnit() {
        assertThat(DAYS.problem(1)).isNull();
        assertThat(DAYS.problem(35)).isNull();
        assertThat(DAYS.problem(0)).isEqualTo("must be between 1 and 35 (days), not 0");
        assertThat(DAYS.problem(36)).isEqualTo("must be between 1 and 35 (days), not 36");
        assertThat(DAYS.problem(-3)).isEqualTo("must be between 1 and 35 (days), not -3");
        assertThat(DAYS.range()).isEqualTo("1-35");
    }

    @Test
    void aDeclarationIsConsistent() {
        assertThatThrownBy(() -> new Threshold("someDays", 0, "days", 1, 35, null, "d"))
                .hasMessageContaining("default 0 is outside its range 1..35");
        assertThatThrownBy(() -> new Threshold("someDays", 7, "days", 10, 5, null, "d"))
                .hasMessageContaining("outside its range");
        assertThatThrownBy(() -> new Threshold("some-days", 7, "days", 1, 35, null, "d"))
                .hasMessageContaining("camelCase");
        assertThatThrownBy(() -> new Threshold("someDays", 7, "days", 1, 35, "-d", "d"))
                .hasMessageContaining("--lower-case-words");
    }

    @Test
    void everyDeclaredThresholdHasAUnitADescriptionAndARangeHoldingItsDefault() {
        Map<String, Threshold> all = CheckRegistry.load().thresholds();
        assertThat(all).containsKeys("idleDays", "minBackupDays", "minSnapshotDays", "maxKeyAgeDays",
                "idleRequestsPerDay", "idleConnections", "rightsizingDays", "rightsizingUtilizationPercent",
                "unusedSecretDays", "attestationMaxAgeDays");
        all.values().forEach(t -> {
            assertThat(t.unit()).as(t.key()).isNotBlank();
            assertThat(t.description()).as(t.key()).isNotBlank();
            assertThat(t.problem(t.defaultValue())).as(t.key()).isNull();
        });
        assertThat(all.get("idleDays").range()).as("CloudWatch keeps 455 days").isEqualTo("1-455");
        assertThat(all.get("minBackupDays").range()).as("RDS keeps backups at most 35 days").isEqualTo("1-35");
        assertThat(all.get("minSnapshotDays").range()).isEqualTo("1-35");
        assertThat(all.get("rightsizingUtilizationPercent").range()).isEqualTo("1-100");
    }

    @Test
    void everyLookbackThresholdStaysWithinWhatCloudWatchKeeps() {
        for (Check check : ServiceCatalog.current().checks()) {
            for (MetricSpec<?> spec : check.metrics()) {
                assertThat(spec.lookbackDays().max()).as(spec.id()).isLessThanOrEqualTo(MetricSpec.MAX_LOOKBACK_DAYS);
                assertThat(check.thresholds()).as(check.id() + " declares the lookback it reads")
                        .contains(spec.lookbackDays());
            }
        }
    }

    @Test
    void oneKeyIsOneDeclarationAndOneFlagNamesOneThreshold() {
        Threshold otherDefault = new Threshold("someDays", 8, "days", 1, 35, "--some-days", "Some days");
        assertThatThrownBy(() -> CheckRegistry.thresholdsOf(List.of(declaring(DAYS), declaring(otherDefault))))
                .isInstanceOf(CatalogException.class).hasMessageContaining("threshold someDays is declared twice");
        Threshold sameFlag = new Threshold("otherDays", 7, "days", 1, 35, "--some-days", "Other days");
        assertThatThrownBy(() -> CheckRegistry.thresholdsOf(List.of(declaring(DAYS), declaring(sameFlag))))
                .isInstanceOf(CatalogException.class)
                .hasMessage("flag --some-days is declared by two thresholds (someDays and otherDays)");
        assertThat(CheckRegistry.thresholdsOf(List.of(declaring(DAYS), declaring(DAYS)))).containsOnlyKeys("someDays");
    }

    private static Check declaring(Threshold threshold) {
        return new Check() {
            @Override
            public String id() {
                return "test.threshold";
            }

            @Override
            public Set<Dataset<?>> requires() {
                return Set.of();
            }

            @Override
            public List<Threshold> thresholds() {
                return List.of(threshold);
            }

            @Override
            public List<Finding> evaluate(CheckContext context) {
                return List.of();
            }
        };
    }
}
