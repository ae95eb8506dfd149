package com.huntaze.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine never lets a check judge a region whose input it could not read. */
class AuditRunnerTest {

    private static final Dataset<List<String>> THINGS =
            new Dataset<>("test.things", Scope.REGIONAL, "test", new TypeReference<>() { });
    private static final Dataset<List<String>> EXTRAS =
            new Dataset<>("test.extras", Scope.REGIONAL, "test", new TypeReference<>() { });

    /** Reads EXTRAS only when there are things: with none, it would say OK without ever looking at EXTRAS. */
    private static final class LazyCheck implements Check {
        @Override
        public String id() {
            return "test.lazy";
        }

        @Override
        public Set<Dataset<?>> requires() {
            return Set.of(THINGS, EXTRAS);
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            List<String> things = ctx.get(THINGS);
            if (things.isEmpty()) {
                return List.of(ctx.ok("", null, "nothing to judge", null));
            }
            return things.stream().map(t -> ctx.get(EXTRAS).contains(t) ? ctx.ok(t, null, "ok", null)
                    : ctx.nok(t, null, "missing", null)).toList();
        }
    }

    private static final CheckMetadata METADATA = new CheckMetadata("test.lazy", "Lazy", Domain.RELIABILITY,
            Severity.LOW, "Test::Thing", "why", "how", "aws test list-things");

    private static List<Finding> run(Inventory inventory) {
        return new AuditRunner(Thresholds.defaults(), Instant.parse("2026-11-22T12:00:00Z"))
                .run(List.of(new RegisteredCheck(new LazyCheck(), METADATA)), inventory).findings();
    }

    @Test
    void aFailedInputIsATodoEvenWhenTheCheckWouldNotHaveReadIt() {
        Inventory inventory = new Inventory("123456789012", List.of("us-east-1", "eu-west-1"));
        inventory.region("us-east-1").put(THINGS, List.of()).fail(EXTRAS, new CollectionFailure("test:ListExtras",
                CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied", "no"));
        inventory.region("eu-west-1").put(THINGS, List.of()).put(EXTRAS, List.of());

        List<Finding> findings = run(inventory);

        Finding denied = findings.stream().filter(f -> f.region().equals("us-east-1")).findFirst().orElseThrow();
        assertThat(denied.status()).isEqualTo(Status.TODO);
        assertThat(denied.message()).contains("test:ListExtras").contains("access denied");
        Finding read = findings.stream().filter(f -> f.region().equals("eu-west-1")).findFirst().orElseThrow();
        assertThat(read.status()).as("all inputs read, nothing to judge").isEqualTo(Status.OK);
    }

    /** The same check, saying it can judge without all its inputs (as a by-hand item with an attestation can). */
    private static final class TolerantCheck implements Check {
        private final LazyCheck lazy = new LazyCheck();

        @Override
        public String id() {
            return lazy.id();
        }

        @Override
        public Set<Dataset<?>> requires() {
            return lazy.requires();
        }

        @Override
        public Set<Dataset<?>> tolerates() {
            return lazy.requires();
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            return lazy.evaluate(ctx);
        }
    }

    @Test
    void aCheckThatDoesNotNeedAllItsInputsIsJudgedAndReadingAFailedOneIsStillATodo() {
        CollectionFailure denied = new CollectionFailure("test:ListExtras", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDenied", "no");
        Inventory inventory = new Inventory("123456789012", List.of("us-east-1", "eu-west-1"));
        inventory.region("us-east-1").put(THINGS, List.of()).fail(EXTRAS, denied);
        inventory.region("eu-west-1").put(THINGS, List.of("a")).fail(EXTRAS, denied);

        List<Finding> findings = new AuditRunner(Thresholds.defaults(), Instant.parse("2026-11-22T12:00:00Z"))
                .run(List.of(new RegisteredCheck(new TolerantCheck(), METADATA)), inventory).findings();

        Finding unread = findings.stream().filter(f -> f.region().equals("us-east-1")).findFirst().orElseThrow();
        assertThat(unread.status()).as("it did not need EXTRAS to say so").isEqualTo(Status.OK);
        Finding read = findings.stream().filter(f -> f.region().equals("eu-west-1")).findFirst().orElseThrow();
        assertThat(read.status()).isEqualTo(Status.TODO);
        assertThat(read.message()).contains("test:ListExtras").contains("access denied");
    }

    private static final Dataset<List<String>> GLOBAL_THINGS =
            new Dataset<>("test.globalThings", Scope.GLOBAL, "test", new TypeReference<>() { });

    /** A global check reading a regional dataset in every region, and a global one, as CloudFront's would. */
    private static final class AcrossRegionsCheck implements Check {
        @Override
        public String id() {
            return "test.across";
        }

        @Override
        public Scope scope() {
            return Scope.GLOBAL;
        }

        @Override
        public Set<Dataset<?>> requires() {
            return Set.of(THINGS, GLOBAL_THINGS);
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            return List.of(ctx.ok("", null, ctx.inEveryRegion(THINGS) + " " + ctx.get(GLOBAL_THINGS), null));
        }
    }

    private static List<Finding> runAcross(Inventory inventory) {
        CheckMetadata metadata = new CheckMetadata("test.across", "Across", Domain.RELIABILITY, Severity.LOW,
                "Test::Thing", "why", "how", "aws test list-things");
        return new AuditRunner(Thresholds.defaults(), Instant.parse("2026-11-22T12:00:00Z"))
                .run(List.of(new RegisteredCheck(new AcrossRegionsCheck(), metadata)), inventory).findings();
    }

    @Test
    void aGlobalCheckReadsARegionalDatasetInEveryRegionAndIsTodoWhenOneRegionFailed() {
        Inventory inventory = new Inventory("123456789012", List.of("us-east-1", "eu-west-1"));
        inventory.region("us-east-1").put(THINGS, List.of("a"));
        inventory.region("eu-west-1").put(THINGS, List.of("b"));
        inventory.global().put(GLOBAL_THINGS, List.of("g"));

        assertThat(runAcross(inventory)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.OK);
            assertThat(f.message()).isEqualTo("{us-east-1=[a], eu-west-1=[b]} [g]");
        });

        inventory.region("eu-west-1").fail(THINGS, new CollectionFailure("test:ListThings",
                CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied", "no"));
        assertThat(runAcross(inventory)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).contains("test:ListThings");
        });
    }
}
