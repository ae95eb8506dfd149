package com.huntaze.audit.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SDK clients an audit builds ahead of its collectors (while the STS call is in flight): those of the services
 * whose datasets the selected checks read, in the audited regions or the client's fixed one, and nothing else.
 */
class ServiceCatalogClientsTest {

    private static final ServiceCatalog CATALOG = ServiceCatalog.current();
    private static final List<String> AUDITED = List.of("eu-west-1", "us-east-1");

    @Test
    void anRdsAuditBuildsTheRdsAndCloudWatchClientsOfEachAuditedRegionAndNothingElse() {
        assertThat(clientsFor("rds.")).containsExactlyInAnyOrder(
                "rds@eu-west-1", "rds@us-east-1", "cloudwatch@eu-west-1", "cloudwatch@us-east-1");
    }

    @Test
    void aGlobalServiceClientIsBuiltOnceInItsFixedRegionWhicheverRegionsAreAudited() {
        assertThat(clientsFor("iam.")).containsExactly("iam@" + AwsSession.GLOBAL_CLIENT_REGION);
        assertThat(clientsFor("route53.")).contains("route53@us-east-1").doesNotContain("route53@eu-west-1");
    }

    @Test
    void s3AndS3ControlAreTwoClientsOfTheAccountRegionThoughTheyShareAnIamPrefix() {
        List<ServiceClient.InRegion> clients = CATALOG.clientsFor(needed("s3."), AUDITED);
        assertThat(clients).extracting(ServiceClient.InRegion::region).containsOnly("us-east-1");
        assertThat(clients).extracting(c -> c.client().iamPrefix()).containsExactly("s3", "s3");
    }

    @Test
    void aDatasetCollectedBeyondTheAuditedRegionsHasItsClientThereToo() {
        // CloudFront takes its certificates from us-east-1 only: with CloudFront audited, ACM is read there too
        Set<Dataset<?>> certificatesAndDistributions = new java.util.HashSet<>(needed("acm."));
        certificatesAndDistributions.addAll(needed("cloudfront."));
        assertThat(CATALOG.clientsFor(certificatesAndDistributions, List.of("eu-west-1")).stream()
                .map(c -> c.client().iamPrefix() + "@" + c.region()))
                .contains("cloudfront@us-east-1", "acm@eu-west-1", "acm@us-east-1");
        assertThat(CATALOG.clientsFor(needed("acm."), List.of("eu-west-1")).stream()
                .map(c -> c.client().iamPrefix() + "@" + c.region()))
                .containsExactly("acm@eu-west-1");
    }

    @Test
    void theFullAuditBuildsEachClientOnceForEachOfItsRegions() {
        List<ServiceClient.InRegion> clients = CATALOG.clientsFor(needed(""), AUDITED);
        assertThat(clients).doesNotHaveDuplicates();
        // VPC reads through EC2's client: one EC2 client per region, not one per service
        assertThat(clients).filteredOn(c -> c.client().iamPrefix().equals("ec2")).hasSize(AUDITED.size());
    }

    /**
     * Every service whose collectors call AWS declares a client for each IAM prefix they call: a service that forgot
     * its {@code clients()} would build its clients after the STS call, one collector at a time.
     */
    @Test
    void everyServiceDeclaresTheClientsOfTheActionsItsCollectorsCall() {
        for (AuditService service : CATALOG.services()) {
            Set<String> called = service.collectors().stream().flatMap(c -> c.actions().stream())
                    .map(action -> action.substring(0, action.indexOf(':'))).collect(Collectors.toCollection(TreeSet::new));
            Set<String> declared = service.clients().stream().map(ServiceClient::iamPrefix)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(declared).as("the clients of service " + service.id()).isEqualTo(called);
        }
    }

    private static Set<String> clientsFor(String checkPrefix) {
        return CATALOG.clientsFor(needed(checkPrefix), AUDITED).stream()
                .map(c -> c.client().iamPrefix() + "@" + c.region())
                .collect(Collectors.toSet());
    }

    /** The datasets the checks whose ids start with {@code checkPrefix} read, as the check command gathers them. */
    private static Set<Dataset<?>> needed(String checkPrefix) {
        return CATALOG.checks().stream().filter(c -> c.id().startsWith(checkPrefix))
                .flatMap(c -> c.requires().stream()).collect(Collectors.toSet());
    }
}
