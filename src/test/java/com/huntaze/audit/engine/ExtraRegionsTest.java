package com.huntaze.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.InventoryCollector;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A regional dataset a collector also needs outside the audited regions (ACM's certificates in us-east-1 when
 * CloudFront is audited): collected there with its dependencies, and judged there by the regional checks that need
 * nothing else, which know the region is not an audited one.
 */
class ExtraRegionsTest {

    private static final Dataset<List<String>> TRIGGER =
            new Dataset<>("test.trigger", Scope.GLOBAL, "trigger", new TypeReference<>() { });
    private static final Dataset<List<String>> BASE =
            new Dataset<>("test.base", Scope.REGIONAL, "test", new TypeReference<>() { });
    private static final Dataset<List<String>> THINGS =
            new Dataset<>("test.things", Scope.REGIONAL, "test", new TypeReference<>() { });
    private static final Dataset<List<String>> OTHERS =
            new Dataset<>("test.others", Scope.REGIONAL, "test", new TypeReference<>() { });

    private static <T> DatasetCollector<List<String>> collector(Dataset<List<String>> dataset,
                                                                 List<Dataset<?>> dependsOn, Set<String> extra) {
        return new DatasetCollector<>() {
            @Override
            public Dataset<List<String>> dataset() {
                return dataset;
            }

            @Override
            public List<String> actions() {
                return List.of("test:List" + dataset.id());
            }

            @Override
            public List<Dataset<?>> dependsOn() {
                return dependsOn;
            }

            @Override
            public Set<String> extraRegions(Set<Dataset<?>> audit) {
                return audit.contains(TRIGGER) ? extra : Set.of();
            }

            @Override
            public List<String> collect(CollectionContext context) {
                return List.of(dataset.id() + "@" + context.region());
            }
        };
    }

    private static final Map<Dataset<?>, DatasetCollector<?>> COLLECTORS = Map.of(
            TRIGGER, collector(TRIGGER, List.of(), Set.of()),
            BASE, collector(BASE, List.of(), Set.of()),
            THINGS, collector(THINGS, List.of(BASE), Set.of("us-east-1")),
            OTHERS, collector(OTHERS, List.of(), Set.of()));

    private static Inventory collect(Set<Dataset<?>> needed) {
        return new InventoryCollector(COLLECTORS, null, 2, (done, total) -> { })
                .collect("123456789012", List.of("eu-west-1"), needed);
    }

    @Test
    void aDatasetIsAlsoCollectedInItsExtraRegionWithItsDependenciesOnlyWhenTheTriggerIsInTheAudit() {
        Inventory with = collect(Set.of(TRIGGER, THINGS, OTHERS));

        assertThat(with.regions()).containsExactly("eu-west-1");
        assertThat(with.extraRegions()).containsExactly("us-east-1");
        assertThat(with.region("us-east-1").get(THINGS)).containsExactly("test.things@us-east-1");
        assertThat(with.region("us-east-1").get(BASE)).as("its dependency follows it").containsExactly("test.base@us-east-1");
        assertThat(with.region("us-east-1").has(OTHERS)).isFalse();
        assertThat(with.all()).extracting(r -> r.region()).containsExactly("eu-west-1", "us-east-1", "global");

        Inventory without = collect(Set.of(THINGS));
        assertThat(without.extraRegions()).isEmpty();
        assertThat(without.all()).extracting(r -> r.region()).containsExactly("eu-west-1", "global");
    }

    /** Reports each of its things, and whether its region is audited. */
    private static final class ThingsCheck implements Check {
        private final String id;
        private final Set<Dataset<?>> requires;

        ThingsCheck(String id, Set<Dataset<?>> requires) {
            this.id = id;
            this.requires = requires;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<Dataset<?>> requires() {
            return requires;
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            return List.of(ctx.ok("", null, ctx.get(THINGS) + (ctx.audited() ? " audited" : " extra"), null));
        }
    }

    private static RegisteredCheck registered(Check check) {
        return new RegisteredCheck(check, new CheckMetadata(check.id(), "T", Domain.RELIABILITY, Severity.LOW,
                "Test::Thing", "why", "how", "aws test list-things"));
    }

    @Test
    void aRegionalCheckIsEvaluatedInTheExtraRegionOnlyWhenEveryDatasetItNeedsIsThere() {
        Inventory inventory = collect(Set.of(TRIGGER, THINGS, OTHERS));

        List<Finding> findings = new AuditRunner(Thresholds.defaults(), Instant.parse("2026-11-22T12:00:00Z")).run(
                List.of(registered(new ThingsCheck("test.only-things", Set.of(THINGS))),
                        registered(new ThingsCheck("test.with-others", Set.of(THINGS, OTHERS)))), inventory)
                .findings();

        assertThat(findings).extracting(f -> f.checkId() + " " + f.region() + " " + f.message()).containsExactly(
                "test.only-things eu-west-1 [test.things@eu-west-1] audited",
                "test.only-things us-east-1 [test.things@us-east-1] extra",
                "test.with-others eu-west-1 [test.things@eu-west-1] audited");
    }
}
