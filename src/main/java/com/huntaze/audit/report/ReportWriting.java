package com.huntaze.audit.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A report being written to its destination (what each format's {@code write} does), as a value: the CLI hands it
 * the buffered writer of an atomic temp file or standard output, so that no report is ever held as text.
 */
@FunctionalInterface
public interface ReportWriting {
    void writeTo(Writer out) throws IOException;

    /** The whole text it writes: the {@code render} of each format, for tests and callers that want one string. */
    static String text(ReportWriting writing) {
        StringWriter text = new StringWriter();
        try {
            writing.writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw: not reached
        }
        return text.toString();
    }
}
