package com.huntaze.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.huntaze.audit.inventory.CollectionFailedException;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.InventorySnapshot;
import com.huntaze.audit.inventory.RegionInventory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.huntaze.audit.services.repo.RepoDatasets;
import org.junit.jupiter.api.Test;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.ServiceCatalog;

/**
 * Keeps the catalog honest (after SonarJava's check-list test): every check class has metadata and a test,
 * every metadata file has a class, no id twice, and each check reads only the datasets it declares.
 */
class CheckCatalogTest {

    private static final ServiceCatalog CATALOG = ServiceCatalog.current();

    private static List<Check> serviceLoaded() {
        return CATALOG.checks();
    }

    @Test
    void everyRegisteredCheckHasValidMetadata() {
        // CheckRegistry.load() validates: metadata present, id matching, no field missing, read-only command.
        List<RegisteredCheck> checks = CheckRegistry.load().checks();
        assertThat(checks).hasSize(serviceLoaded().size()).isNotEmpty();
    }

    @Test
    void everyMetadataFileHasACheckClass() throws IOException {
        Set<String> registered = serviceLoaded().stream().map(Check::id).collect(Collectors.toSet());
        List<String> orphans = new ArrayList<>();
        for (AuditService service : CATALOG.services()) {
            Path folder = Path.of("src", "main", "resources", "services", service.id(), "checks");
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString().replaceFirst("\\.(yaml|json)$", ""))
                        .filter(id -> !registered.contains(id))
                        .forEach(orphans::add);
            }
        }
        assertThat(orphans).as("metadata files without a registered check class").isEmpty();
    }

    /**
     * One rule ties a check's id to its class (as Prowler ties folder, id and class): the class lives in its
     * service's package, and its simple name is the id without dots and dashes, plus "Check", compared without case:
     * {@code rds.multi-az} is {@code services.rds.RdsMultiAzCheck}, {@code elasticache.idle-cluster}
     * {@code services.elasticache.ElastiCacheIdleClusterCheck}.
     */
    @Test
    void everyCheckClassIsNamedAfterItsId() {
        for (AuditService service : CATALOG.services()) {
            for (Check check : service.checks(CATALOG)) {
                Class<?> type = check.getClass();
                assertThat(type.getPackageName()).as(check.id()).endsWith(".services." + service.id());
                String expected = check.id().replace(".", "").replace("-", "") + "check";
                assertThat(type.getSimpleName().toLowerCase(java.util.Locale.ROOT)).as(check.id() + " is "
                        + type.getName()).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyCheckDeclaresTheDatasetsItReadsAndACollectorFillsEach() {
        for (Check check : serviceLoaded()) {
            if (check.id().startsWith("manual.") && check.requires().isEmpty()) {
                continue; // a by-hand check without evidence reads no AWS data
            }
            assertThat(check.requires()).as(check.id() + " declares datasets").isNotEmpty();
            for (Dataset<?> dataset : check.requires()) {
                if (RepoDatasets.fromRepositories(dataset)) {
                    continue; // read from --repo DIR by RepoReader, not collected
                }
                assertThat(CATALOG.collectors()).as(check.id() + " reads " + dataset.id()).containsKey(dataset);
            }
        }
    }

    @Test
    void noCheckIdIsRegisteredTwice() {
        List<String> ids = serviceLoaded().stream().map(Check::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        Set<String> classes = new HashSet<>();
        serviceLoaded().forEach(c -> assertThat(classes.add(c.getClass().getName())).as(c.getClass().getName()).isTrue());
    }

    @Test
    void duplicateIdsAreRejectedWhenTheRegistryLoads() {
        Check first = serviceLoaded().get(0);
        assertThatThrownBy(() -> CheckRegistry.of(List.of(first, first)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("duplicate check id " + first.id());
    }

    @Test
    void aCheckWithoutMetadataIsRejected() {
        Check stray = new Check() {
            @Override
            public String id() {
                return "nowhere.no-metadata";
            }

            @Override
            public Set<Dataset<?>> requires() {
                return Set.of();
            }

            @Override
            public List<Finding> evaluate(CheckContext context) {
                return List.of();
            }
        };
        assertThatThrownBy(() -> CheckRegistry.of(List.of(stray)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("has no metadata");
    }

    @Test
    void everyCheckHasATest() {
        List<String> untested = new ArrayList<>();
        for (Check check : serviceLoaded()) {
            String testName = check.getClass().getName() + "Test";
            try {
                Class.forName(testName);
            } catch (ClassNotFoundException e) {
                untested.add(check.id() + " (expected " + testName + ")");
            }
        }
        assertThat(untested).as("checks without a unit test").isEmpty();
    }

    @Test
    void everyCheckReadsOnlyTheDatasetsItDeclares() throws IOException {
        Inventory demo = demoInventory();
        for (Check check : serviceLoaded()) {
            if (check.requires().stream().anyMatch(RepoDatasets::fromRepositories)) {
                continue; // the demo account has no repository: CheckHarness gives these only what they declare
            }
            // The whole account, restricted to what the check declares (a global check may read a regional
            // dataset in every region, a regional one a global dataset).
            Inventory restricted = new Inventory(demo.account(), demo.regions());
            for (RegionInventory full : demo.all()) {
                RegionInventory target = full.region().equals(Scope.GLOBAL_REGION) ? restricted.global()
                        : restricted.region(full.region());
                for (Dataset<?> dataset : check.requires()) {
                    copy(full, target, dataset);
                }
            }
            var metadata = CheckRegistry.of(List.of(check)).checks().get(0).metadata();
            for (RegionInventory region : restricted.forScope(check.scope())) {
                try {
                    check.evaluate(new CheckContext(metadata, region, AuditInputs.defaults(java.time.Instant.now()),
                            restricted));
                } catch (CollectionFailedException expected) {
                    // a failure recorded in the demo: fine
                } catch (IllegalStateException e) {
                    fail(check.id() + " in " + region.region() + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void theDemoAccountHasEveryDatasetEveryCheckNeeds() throws IOException {
        Inventory demo = demoInventory();
        for (Check check : serviceLoaded()) {
            for (Dataset<?> dataset : check.requires()) {
                if (RepoDatasets.fromRepositories(dataset)) {
                    continue; // the demo account has no repository (README "Repository audit")
                }
                // where the engine reads it: a global dataset once, a regional one in every region it is judged in
                List<RegionInventory> where = dataset.scope() == Scope.GLOBAL ? List.of(demo.global())
                        : demo.forScope(Scope.REGIONAL);
                for (RegionInventory region : where) {
                    assertThat(region.has(dataset)).as("demo " + region.region() + " has " + dataset.id()
                            + " (needed by " + check.id() + ")").isTrue();
                }
            }
        }
    }

    private static <T> void copy(RegionInventory from, RegionInventory to, Dataset<T> dataset) {
        from.failure(dataset).ifPresentOrElse(f -> to.fail(dataset, f), () -> {
            if (from.has(dataset)) {
                to.put(dataset, from.get(dataset));
            }
        });
    }

    private static Inventory demoInventory() throws IOException {
        return CATALOG.demoInventory();
    }
}
