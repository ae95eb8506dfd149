package com.huntaze.audit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where the Markdown sections write: straight to the report's destination (a file's buffered writer, standard
 * output), appended to as a {@link StringBuilder} would be, so that no text of the whole document is ever held. An
 * {@link IOException} of the destination comes out as {@link UncheckedIOException} (the sections are plain
 * functions), which {@link MarkdownReport#write} turns back into the {@link IOException} it was.
 */
final class MarkdownOut {
    private final Writer out;

    MarkdownOut(Writer out) {
        this.out = out;
    }

    MarkdownOut append(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MarkdownOut append(char c) {
        return append(String.valueOf(c));
    }

    MarkdownOut append(long n) {
        return append(Long.toString(n));
    }

    /** As {@link StringBuilder#append(Object)}: {@code "null"} for null. */
    MarkdownOut append(Object value) {
        return append(String.valueOf(value));
    }

    /**
     * How many bytes (UTF-8) {@code render} writes, counted as they are encoded and never held: what
     * {@code --max-md-bytes} compares with its budget.
     */
    static long bytes(java.util.function.Consumer<MarkdownOut> render) {
        ByteCount count = new ByteCount();
        Writer encoder = new OutputStreamWriter(count, StandardCharsets.UTF_8);
        render.accept(new MarkdownOut(encoder));
        try {
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // counting throws nothing: not reached
        }
        return count.bytes;
    }

    /** An output stream that keeps only the number of bytes written to it. */
    private static final class ByteCount extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
