package com.huntaze.audit.it;

import com.huntaze.audit.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Lambda functions in moto for the ITs: a zip built here (moto runs no code without Docker, it only stores it). */
final class LambdaFunctions {
    private LambdaFunctions() {
    }

    static final String ROLE = "arn:aws:iam::123456789012:role/lambda-exec";

    /** Creates {@code name} with {@code runtime} and environment {@code env} in {@code region}; returns its ARN. */
    static String create(MotoServer moto, String region, String name, String runtime, Map<String, String> env) {
        try (IamClient iam = moto.configure(IamClient.builder(), "us-east-1").build()) {
            iam.createRole(r -> r.roleName("lambda-exec").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
        } catch (EntityAlreadyExistsException exists) {
            // created for an earlier function
        }
        try (LambdaClient lambda = moto.configure(LambdaClient.builder(), region).build()) {
            return lambda.createFunction(r -> r.functionName(name).runtime(runtime).role(ROLE)
                    .handler("handler.main").code(c -> c.zipFile(SdkBytes.fromByteArray(zip())))
                    .environment(e -> e.variables(env))).functionArn();
        }
    }

    private static byte[] zip() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("handler.py"));
                zip.write("def main(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
