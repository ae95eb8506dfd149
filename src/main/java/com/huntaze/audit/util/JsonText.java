package com.huntaze.audit.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON documents that AWS hands over as strings inside its answers (an SQS queue's or an SNS subscription's
 * RedrivePolicy), read as trees by one mapper shared by the collectors. The mapper is made on the first document
 * read, not when a collector's class loads: every command loads the catalog, and with it every collector class,
 * while most runs read no such document (a mapper costs tens of milliseconds to make in a fresh JVM).
 */
public final class JsonText {
    private JsonText() {
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    /** The tree of {@code text}. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return Mapper.INSTANCE.readTree(text);
    }
}
