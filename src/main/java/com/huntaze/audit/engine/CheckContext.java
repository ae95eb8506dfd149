package com.huntaze.audit.engine;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.RegionInventory;
import com.huntaze.audit.pricing.PriceTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a check sees while it evaluates one region: that region's inventory, the thresholds, and its metadata. */
public final class CheckContext {
    private final CheckMetadata metadata;
    private final RegionInventory inventory;
    private final Thresholds thresholds;
    private final Instant now;
    private final List<Attestation> attestations;
    private final PriceTable prices;
    private final Settings settings;
    private final Inventory audit;

    /** A context with the embedded price table. */
    public CheckContext(CheckMetadata metadata, RegionInventory inventory, Thresholds thresholds, Instant now) {
        this(metadata, inventory, new AuditInputs(thresholds, List.of(), ServiceCatalog.current().prices(), now));
    }

    public CheckContext(CheckMetadata metadata, RegionInventory inventory, AuditInputs inputs) {
        this(metadata, inventory, inputs, null);
    }

    /**
     * @param audit the whole inventory, for a check that reads a dataset of another scope (a global check reading a
     *              regional dataset in every region, a regional check reading a global dataset); null for none
     */
    public CheckContext(CheckMetadata metadata, RegionInventory inventory, AuditInputs inputs, Inventory audit) {
        this.audit = audit;
        this.metadata = metadata;
        this.inventory = inventory;
        this.thresholds = inputs.thresholds();
        this.now = inputs.now();
        String account = audit == null ? null : audit.account();
        this.attestations = inputs.attestations().stream()
                .filter(a -> a.check().equals(metadata.id()) && a.appliesTo(account)).toList();
        this.prices = inputs.prices();
        this.settings = inputs.settings();
    }

    /** The config file's {@code section}, as its binder read it (the section's defaults when the file has none). */
    public <T> T settings(SettingsSection<T> section) {
        return settings.get(section);
    }

    /** The prices savings are estimated with (the embedded table, extended by {@code --prices}). */
    public PriceTable prices() {
        return prices;
    }

    /** The audit's reference time: ages (of keys, attestations, metrics) are measured from it, never from the clock. */
    public Instant now() {
        return now;
    }

    public String region() {
        return inventory.region();
    }

    /**
     * Whether the region evaluated is one the user asked to audit (or {@code global}); false in a region read for some
     * datasets only (see {@code DatasetCollector.extraRegions}), where a check judges only what brought it there.
     */
    public boolean audited() {
        return audit == null || !audit.extraRegions().contains(inventory.region());
    }

    public CheckMetadata metadata() {
        return metadata;
    }

    /**
     * The dataset's data in this region; a global dataset's ({@code iam.users}, the S3 bucket list) from the
     * account's global inventory, whatever the region evaluated.
     */
    public <T> T get(Dataset<T> dataset) {
        if (dataset.scope() == Scope.GLOBAL && audit != null && !inventory.region().equals(Scope.GLOBAL_REGION)) {
            return audit.global().get(dataset);
        }
        return inventory.get(dataset);
    }

    /**
     * Why {@code dataset} could not be read where this check reads it (this region; the global inventory for a
     * global dataset; every audited region for a regional dataset a global check reads), or empty when it was read.
     */
    public java.util.Optional<com.huntaze.audit.inventory.CollectionFailure> failure(Dataset<?> dataset) {
        return inputsOf(dataset).stream().map(r -> r.failure(dataset)).flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /** Where this check reads {@code dataset}: see {@link #failure}. */
    List<RegionInventory> inputsOf(Dataset<?> dataset) {
        if (audit == null) {
            return List.of(inventory);
        }
        if (dataset.scope() == Scope.GLOBAL) {
            return List.of(audit.global());
        }
        return inventory.region().equals(Scope.GLOBAL_REGION) ? audit.forScope(Scope.REGIONAL) : List.of(inventory);
    }

    /**
     * A regional dataset in every audited region, by region, in the order the regions were given: how a global
     * check (CloudFront) reads regional data (load balancers). A region whose collection failed fails the whole call,
     * as {@link #get} does.
     */
    public <T> Map<String, T> inEveryRegion(Dataset<T> dataset) {
        if (audit == null) {
            return Map.of(inventory.region(), inventory.get(dataset));
        }
        Map<String, T> all = new java.util.LinkedHashMap<>();
        for (String region : audit.regions()) {
            all.put(region, audit.region(region).get(dataset));
        }
        return all;
    }

    public RegionInventory inventory() {
        return inventory;
    }

    public int threshold(Threshold threshold) {
        return thresholds.get(threshold);
    }

    /** The attestations of this check from the config file (by-hand checks read them), in the file's order. */
    public List<Attestation> attestations() {
        return attestations;
    }

    public Finding ok(String resourceId, String resourceArn, String message, Map<String, Object> evidence) {
        return finding(Status.OK, resourceId, resourceArn, message, evidence);
    }

    public Finding nok(String resourceId, String resourceArn, String message, Map<String, Object> evidence) {
        return finding(Status.NOK, resourceId, resourceArn, message, evidence);
    }

    public Finding todo(String resourceId, String resourceArn, String message, Map<String, Object> evidence) {
        return finding(Status.TODO, resourceId, resourceArn, message, evidence);
    }

    /** A finding of this check in this region, with the metadata's resource type and remediation. */
    public Finding finding(Status status, String resourceId, String resourceArn, String message,
                           Map<String, Object> evidence) {
        return new Finding(metadata.id(), status, region(), metadata.resourceType(), resourceId, resourceArn,
                message, evidence, status == Status.OK ? "" : metadata.remediation(), 0.0);
    }
}
