package com.huntaze.audit.inventory;

import com.huntaze.audit.engine.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an audit read from one account: one {@link RegionInventory} per audited region, plus {@code global}, plus
 * any region read for some datasets only ({@link #extraRegions()}).
 */
public final class Inventory {
    private final String account;
    private final List<String> regions;
    private final Map<String, RegionInventory> byRegion = new LinkedHashMap<>();
    private final List<String> extraRegions = new ArrayList<>();

    public Inventory(String account, List<String> regions) {
        this.account = account;
        this.regions = List.copyOf(regions);
        for (String region : regions) {
            byRegion.put(region, new RegionInventory(region));
        }
        byRegion.put(Scope.GLOBAL_REGION, new RegionInventory(Scope.GLOBAL_REGION));
    }

    public String account() {
        return account;
    }

    /** The audited regions, in the order the user gave them (without {@code global}). */
    public List<String> regions() {
        return regions;
    }

    public RegionInventory region(String region) {
        RegionInventory inventory = byRegion.get(region);
        if (inventory == null) {
            throw new IllegalArgumentException("region not audited: " + region);
        }
        return inventory;
    }

    public RegionInventory global() {
        return byRegion.get(Scope.GLOBAL_REGION);
    }

    /**
     * A region that is not audited but where some datasets are read all the same (us-east-1's ACM certificates when
     * CloudFront is audited, see {@code DatasetCollector.extraRegions}); its inventory, added once.
     */
    public synchronized RegionInventory addExtraRegion(String region) {
        if (!byRegion.containsKey(region)) {
            extraRegions.add(region);
            byRegion.put(region, new RegionInventory(region));
        }
        return byRegion.get(region);
    }

    /** The regions read for some datasets only, in the order they were added. */
    public List<String> extraRegions() {
        return List.copyOf(extraRegions);
    }

    /** Every region's inventory: the audited ones, then the extra ones, {@code global} last. */
    public List<RegionInventory> all() {
        List<RegionInventory> all = new ArrayList<>();
        regions.forEach(r -> all.add(byRegion.get(r)));
        extraRegions.forEach(r -> all.add(byRegion.get(r)));
        all.add(global());
        return List.copyOf(all);
    }

    /** The inventories a check of this scope is evaluated on. */
    public List<RegionInventory> forScope(Scope scope) {
        return scope == Scope.GLOBAL ? List.of(global()) : regions.stream().map(this::region).toList();
    }
}
