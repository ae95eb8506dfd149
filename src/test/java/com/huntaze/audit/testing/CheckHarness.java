package com.huntaze.audit.testing;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.RegionInventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one check, through the real engine, on a hand-built inventory: the way a unit test states a check's
 * specification ("given these resources, these findings").
 */
public final class CheckHarness {
    private final Check check;
    private final Inventory inventory;
    private Thresholds thresholds = Thresholds.defaults();
    private java.time.Instant now = NOW;
    private final List<com.huntaze.audit.engine.Attestation> attestations = new java.util.ArrayList<>();
    private com.huntaze.audit.pricing.PriceTable prices = com.huntaze.audit.services.ServiceCatalog.current().prices();
    private com.huntaze.audit.engine.Settings settings = com.huntaze.audit.engine.Settings.NONE;

    /** The fixed reference time of unit tests, so that ages are exact. */
    public static final java.time.Instant NOW = java.time.Instant.parse("2026-11-22T12:00:00Z");

    private CheckHarness(Check check, String... regions) {
        this.check = check;
        this.inventory = new Inventory("123456789012", List.of(regions));
    }

    public static CheckHarness of(Check check) {
        return new CheckHarness(check, "us-east-1");
    }

    public static CheckHarness of(Check check, String... regions) {
        return new CheckHarness(check, regions);
    }

    /** Puts data into the first audited region (or {@code global} for global datasets). */
    public <T> CheckHarness with(Dataset<T> dataset, T value) {
        return with(target(dataset).region(), dataset, value);
    }

    public <T> CheckHarness with(String region, Dataset<T> dataset, T value) {
        inventory.region(region).put(dataset, value);
        return this;
    }

    /** A region read for some datasets only, not audited (us-east-1's certificates when CloudFront is audited). */
    public CheckHarness extraRegion(String region) {
        inventory.addExtraRegion(region);
        return this;
    }

    public CheckHarness failing(String region, Dataset<?> dataset, com.huntaze.audit.inventory.CollectionFailure failure) {
        inventory.region(region).fail(dataset, failure);
        return this;
    }

    public CheckHarness threshold(com.huntaze.audit.engine.Threshold threshold, int value) {
        thresholds = thresholds.with(threshold, value);
        return this;
    }

    /** An attestation from the config file, as {@code attestations:} would give it. */
    public CheckHarness attestation(String check, String by, java.time.LocalDate date, String note) {
        attestations.add(new com.huntaze.audit.engine.Attestation(check, by, date, note));
        return this;
    }

    public CheckHarness now(java.time.Instant value) {
        now = value;
        return this;
    }

    /** Estimates savings with this table instead of the embedded one. */
    public CheckHarness prices(com.huntaze.audit.pricing.PriceTable value) {
        prices = value;
        return this;
    }

    /** A config file section the check declares, as its binder gives it. */
    public <T> CheckHarness settings(com.huntaze.audit.engine.SettingsSection<T> section, T value) {
        settings = settings.with(section, value);
        return this;
    }

    /** The config file's {@code alarmCoverage:} section (the check's section of that type), as the loader gives it. */
    public CheckHarness alarmCoverage(com.huntaze.audit.engine.AlarmCoverageSettings value) {
        var section = check.settings().stream()
                .filter(s -> s.type() == com.huntaze.audit.engine.AlarmCoverageSettings.class)
                .map(s -> (com.huntaze.audit.engine.SettingsSection<com.huntaze.audit.engine.AlarmCoverageSettings>) s)
                .findFirst().orElseThrow(() -> new AssertionError(check.id() + " declares no alarmCoverage section"));
        return settings(section, value);
    }

    private RegionInventory target(Dataset<?> dataset) {
        return dataset.scope() == com.huntaze.audit.engine.Scope.GLOBAL ? inventory.global()
                : inventory.region(inventory.regions().get(0));
    }

    /** All findings of the check, in report order. */
    public List<Finding> findings() {
        var registered = CheckRegistry.of(List.of(check)).checks();
        return new AuditRunner(new com.huntaze.audit.engine.AuditInputs(thresholds, attestations, prices, now,
                settings))
                .run(registered, inventory).findings();
    }

    /** The one finding about {@code resourceId}; fails when there is none or several. */
    public Finding finding(String resourceId) {
        List<Finding> matching = findings().stream().filter(f -> f.resourceId().equals(resourceId)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one finding for '" + resourceId + "', got " + matching);
        }
        return matching.get(0);
    }

    public Optional<Finding> findingIn(String region) {
        return findings().stream().filter(f -> f.region().equals(region)).findFirst();
    }

    /**
     * The ready command lines of {@code finding}, as the report shows them: its check's fixCommand filled with the
     * finding's fields (none for a finding that is not NOK, or a check without one).
     */
    public List<String> fixCommands(Finding finding) {
        var registered = CheckRegistry.of(List.of(check)).checks().get(0);
        var result = com.huntaze.audit.engine.CheckResult.of(registered.metadata(), finding.status(), 1);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> checkTree = mapper.convertValue(result, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> findingTree = mapper.convertValue(finding, Map.class);
        return com.huntaze.audit.report.FixCommands.of(checkTree, findingTree, inventory.account());
    }

    public static Map<String, Object> evidence(Finding finding) {
        return finding.evidence();
    }
}
