package com.huntaze.audit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.cli.HuntazeAudit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The CLI run in-process: its exit code, standard output and standard error. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HuntazeAudit.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    public JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    /** The finding of {@code checkId} in {@code region} about {@code resourceId} ("" for the account). */
    public JsonNode finding(String checkId, String region, String resourceId) {
        for (JsonNode f : json().get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("region").asText().equals(region)
                    && f.get("resourceId").asText().equals(resourceId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " " + region + " '" + resourceId + "' in\n" + this);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
