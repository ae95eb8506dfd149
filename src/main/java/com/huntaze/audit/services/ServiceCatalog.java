package com.huntaze.audit.services;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ReadOnlyGuard;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.CatalogException;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.InventorySnapshot;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.pricing.PriceTableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The services found on the class path ({@link ServiceLoader} over {@link AuditService}) and everything derived
 * from them: the datasets and their collectors, the allowed IAM actions (the read-only guard's list and the
 * shipped policy), the checks, the contributions to shared features, the demo account and the embedded price
 * table. Validated when it loads: a dataset filled twice, an action that is not a read, a check whose id does not
 * start with its service's id stop the tool.
 */
public final class ServiceCatalog implements AuditService.Contributions {

    /** A service id: the package name under {@code services} and the prefix of its check ids. */
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]*");

    private static final Map<ClassLoader, ServiceCatalog> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<AuditService> services;
    private final Map<String, Dataset<?>> datasets = new LinkedHashMap<>();
    private final Map<Dataset<?>, DatasetCollector<?>> collectors = new LinkedHashMap<>();
    private final Map<Dataset<?>, AuditService> owners = new LinkedHashMap<>();
    private final Set<String> actions = new TreeSet<>();
    private final List<Object> contributions = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private PriceTable prices;

    private ServiceCatalog(List<AuditService> found) {
        List<AuditService> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(AuditService::id));
        this.services = List.copyOf(sorted);
        Set<String> ids = new TreeSet<>();
        for (AuditService service : services) {
            if (!SERVICE_ID.matcher(service.id()).matches() || !ids.add(service.id())) {
                throw new CatalogException("service id '" + service.id() + "' (" + service.getClass().getName()
                        + ") is " + (ids.contains(service.id()) ? "declared twice" : "not a lower-case word"));
            }
            for (DatasetCollector<?> collector : service.collectors()) {
                add(service, collector);
            }
            contributions.addAll(service.contributions());
        }
        for (AuditService service : services) {
            for (Check check : service.checks(this)) {
                if (!check.id().startsWith(service.id() + ".")) {
                    throw new CatalogException("check " + check.id() + " of service " + service.id()
                            + " must have an id starting with '" + service.id() + ".'");
                }
                checks.add(check);
            }
        }
    }

    private void add(AuditService service, DatasetCollector<?> collector) {
        Dataset<?> dataset = collector.dataset();
        DatasetCollector<?> known = collectors.putIfAbsent(dataset, collector);
        if (known != null) {
            throw new CatalogException("dataset " + dataset.id() + " is filled by two collectors ("
                    + owners.get(dataset).id() + " and " + service.id() + ")");
        }
        owners.put(dataset, service);
        datasets.put(dataset.id(), dataset);
        // A collector that calls no AWS action (the DNS look-ups of ses.emailDns) may declare none, but only when it
        // works on what its dependencies read: their collectors declare the actions. Any other collector reads AWS
        // and must say what it calls.
        if (collector.actions().isEmpty() && collector.dependsOn().isEmpty()) {
            throw new CatalogException("the collector of " + dataset.id() + " declares no IAM action");
        }
        for (String action : collector.actions()) {
            if (!ReadOnlyGuard.isReadOnly(action)) {
                throw new CatalogException("the collector of " + dataset.id() + " declares " + action
                        + ": only reads (Describe*, List*, Get*) that return no secret value may be declared");
            }
            actions.add(action);
        }
    }

    /** The services visible to the thread's context class loader (the application's, unless a test says otherwise). */
    public static ServiceCatalog current() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : ServiceCatalog.class.getClassLoader());
    }

    /** The services {@code loader} finds, loaded once per class loader. */
    public static ServiceCatalog load(ClassLoader loader) {
        synchronized (LOADED) {
            ServiceCatalog catalog = LOADED.get(loader);
            if (catalog == null) {
                catalog = new ServiceCatalog(ServiceLoader.load(AuditService.class, loader).stream()
                        .map(ServiceLoader.Provider::get).toList());
                LOADED.put(loader, catalog);
            }
            return catalog;
        }
    }

    /** The services, by id. */
    public List<AuditService> services() {
        return services;
    }

    /** Every check of every service. */
    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public Map<Dataset<?>, DatasetCollector<?>> collectors() {
        return Collections.unmodifiableMap(collectors);
    }

    /** The dataset named {@code id} (as in inventory snapshots). @throws IllegalArgumentException when unknown */
    public Dataset<?> dataset(String id) {
        Dataset<?> dataset = datasets.get(id);
        if (dataset == null) {
            throw new IllegalArgumentException("unknown dataset: " + id);
        }
        return dataset;
    }

    /** The service whose collector fills {@code dataset}. */
    public AuditService owner(Dataset<?> dataset) {
        return owners.get(dataset);
    }

    /**
     * Every IAM action the collectors declare, and the session's own {@link AwsSession#IDENTITY_ACTION}: what the
     * read-only guard lets through and what the shipped policy grants, sorted.
     */
    public Set<String> actions() {
        Set<String> all = new TreeSet<>(actions);
        all.add(AwsSession.IDENTITY_ACTION);
        return Collections.unmodifiableSet(all);
    }

    /** The actions needed to collect {@code datasets} and what their collectors depend on. */
    public Set<String> actionsFor(Set<Dataset<?>> needed) {
        Set<String> all = new TreeSet<>();
        withDependencies(needed).forEach(dataset -> all.addAll(collectors.get(dataset).actions()));
        return all;
    }

    /** {@code needed} and what their collectors depend on, transitively (datasets the catalog has a collector of). */
    private Set<Dataset<?>> withDependencies(Set<Dataset<?>> needed) {
        Set<Dataset<?>> all = new java.util.LinkedHashSet<>();
        List<Dataset<?>> queue = new ArrayList<>(needed);
        while (!queue.isEmpty()) {
            Dataset<?> dataset = queue.remove(0);
            DatasetCollector<?> collector = collectors.get(dataset);
            if (collector != null && all.add(dataset)) {
                queue.addAll(collector.dependsOn());
            }
        }
        return all;
    }

    /**
     * The SDK clients an audit of {@code regions} builds for {@code needed}: the clients of the services that own
     * those datasets and the ones their collectors depend on, each in every audited region (plus the regions a
     * collector adds, such as ACM's us-east-1 for CloudFront) or in its fixed region, once each. A client of a region
     * known only from the answers (S3's in a bucket's region, ECR's in an image's) is left to the collector.
     */
    public List<ServiceClient.InRegion> clientsFor(Set<Dataset<?>> needed, List<String> regions) {
        Set<Dataset<?>> all = withDependencies(needed);
        Set<ServiceClient.InRegion> clients = new java.util.LinkedHashSet<>();
        for (Dataset<?> dataset : all) {
            Set<String> where = new java.util.LinkedHashSet<>(regions);
            where.addAll(collectors.get(dataset).extraRegions(all));
            for (ServiceClient<?, ?> client : owners.get(dataset).clients()) {
                client.regions(List.copyOf(where)).forEach(region -> clients.add(client.in(region)));
            }
        }
        return List.copyOf(clients);
    }

    @Override
    public <T> List<T> all(Class<T> type) {
        return contributions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The price items the services declare. */
    public List<PriceItem> priceItems() {
        return all(PriceItem.class);
    }

    /** The embedded price table: every service's {@code services/<id>/prices.json}, merged. */
    public synchronized PriceTable prices() {
        if (prices == null) {
            List<PriceTable> parts = new ArrayList<>();
            for (AuditService service : services) {
                String resource = "services/" + service.id() + "/prices.json";
                String text = text(service, resource);
                if (text != null) {
                    try {
                        parts.add(PriceTable.parse(text, resource, priceItems()));
                    } catch (PriceTableException e) {
                        throw new CatalogException(resource + " is not a valid price table: " + e.getMessage(), e);
                    }
                }
            }
            prices = PriceTable.embedded(parts);
        }
        return prices;
    }

    /** The embedded demo account as of today (UTC). */
    public Inventory demoInventory() {
        return demoInventory(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /**
     * The embedded demo account: {@code demo/account.json} (account id and regions), with every service's
     * {@code services/<id>/demo.json} datasets in it; their dates written {@code {{daysAgo N}}} are N days before
     * {@code today} (as in the demo config), so that recent events stay recent.
     */
    public Inventory demoInventory(java.time.LocalDate today) {
        String account = text(null, "demo/account.json");
        if (account == null) {
            throw new IllegalStateException("the demo account is missing from the jar");
        }
        try {
            Inventory inventory = InventorySnapshot.read(account, this::dataset);
            // the services' files read side by side (the cores are otherwise idle while the demo waits for them),
            // then added in the services' order
            List<InventorySnapshot.Part> parts = services.parallelStream().map(service -> {
                String text = text(service, "services/" + service.id() + "/demo.json");
                try {
                    return text == null ? null : InventorySnapshot.parse(
                            com.huntaze.audit.config.DemoConfig.resolveDates(text, today), this::dataset);
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }).toList();
            parts.stream().filter(java.util.Objects::nonNull).forEach(part -> part.addTo(inventory));
            return inventory;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the demo account: " + e.getMessage(), e);
        }
    }

    /** A resource of {@code service} (its class loader's), or of the tool for null; null when absent. */
    private static String text(AuditService service, String resource) {
        ClassLoader loader = (service != null ? service.getClass() : ServiceCatalog.class).getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
