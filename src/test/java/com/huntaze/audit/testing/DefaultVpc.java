package com.huntaze.audit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default VPC and its default subnets that moto creates in every region, for seeding load balancers and
 * target groups (both need real subnet and VPC ids). The project has no EC2 SDK module, so this asks moto's EC2
 * DescribeSubnets directly: one form POST, with a credential scope that tells moto the region and the service.
 *
 * @param subnetIds one default subnet per Availability Zone, in moto's order
 */
public record DefaultVpc(String vpcId, List<String> subnetIds) {

    private static final Pattern SUBNET_ID = Pattern.compile("<subnetId>([^<]+)</subnetId>");
    private static final Pattern VPC_ID = Pattern.compile("<vpcId>([^<]+)</vpcId>");

    public static DefaultVpc of(MotoServer moto, String region) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(moto.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region
                        + "/ec2/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeSubnets&Version=2016-11-15"
                        + "&Filter.1.Name=default-for-az&Filter.1.Value.1=true"))
                .build();
        String body;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto DescribeSubnets answered " + response.statusCode() + ": "
                        + response.body());
            }
            body = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask moto for the default subnets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> subnets = new ArrayList<>();
        Matcher subnet = SUBNET_ID.matcher(body);
        while (subnet.find()) {
            subnets.add(subnet.group(1));
        }
        Matcher vpc = VPC_ID.matcher(body);
        if (subnets.size() < 2 || !vpc.find()) {
            throw new IllegalStateException("moto has no default VPC with two subnets in " + region + ": " + body);
        }
        return new DefaultVpc(vpc.group(1), List.copyOf(subnets));
    }

    /** Two subnets in different zones: what a load balancer needs at least. */
    public List<String> twoSubnets() {
        return subnetIds.subList(0, 2);
    }
}
