package com.huntaze.audit.testing;

/** Dummy credentials for the code under test, and no instance-metadata lookups: tests stay on loopback. */
public final class TestCredentials {
    private TestCredentials() {
    }

    public static void install() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.disableEc2Metadata", "true");
    }
}
