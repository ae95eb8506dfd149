package com.huntaze.audit.inventory;

import com.huntaze.audit.engine.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an audit read from one account: one {@link RegionInventory} per audited region, plus {@code global}. */
public final class Inventory {
    private final String account;
    private final List<String> regions;
    private final Map<String, RegionInventory> byRegion = new LinkedHashMap<>();

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

    /** Every region's inventory, {@code global} last. */
    public List<RegionInventory> all() {
        return List.copyOf(byRegion.values());
    }

    /** The inventories a check of this scope is evaluated on. */
    public List<RegionInventory> forScope(Scope scope) {
        return scope == Scope.GLOBAL ? List.of(global()) : regions.stream().map(this::region).toList();
    }
}
