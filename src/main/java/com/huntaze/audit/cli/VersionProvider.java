package com.huntaze.audit.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Implementation-Version); "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"huntaze-audit " + version()};
    }
}
