package com.huntaze.audit.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: {@code @ExtendWith(Moto.class)} gives a test a clean moto server (a {@link MotoServer}
 * parameter), and dummy credentials for the CLI under test through the SDK's system-property provider. The
 * instance metadata service is disabled so that nothing ever leaves loopback.
 */
public final class Moto implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestCredentials.install();
        MotoServer.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MotoServer.get().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return MotoServer.get();
    }
}
