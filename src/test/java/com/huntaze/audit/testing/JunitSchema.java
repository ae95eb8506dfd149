package com.huntaze.audit.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates JUnit XML against {@code src/test/resources/junit/junit.xsd} with the JDK's schema validator. */
public final class JunitSchema {
    private JunitSchema() {
    }

    private static final Schema SCHEMA = load();

    private static Schema load() {
        URL xsd = JunitSchema.class.getResource("/junit/junit.xsd");
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("junit.xsd is not a valid schema: " + e.getMessage(), e);
        }
    }

    /** @throws AssertionError naming the line and the problem when {@code xml} does not validate */
    public static void validate(String xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("JUnit XML does not validate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
