package com.huntaze.audit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes numbers as a reader of the JSON text gets them back: Jackson's untyped reader gives an {@code Integer} for
 * a whole number that fits, a {@code Long} for a larger one, a {@code BigInteger} beyond, and a {@code Double} for
 * any other number. A token buffer keeps the writer's own types instead (a {@code long} field stays a {@code Long},
 * a {@code float} a {@code Float}), so {@link JsonReport#tree} writes through this to get the tree of the text
 * without the text: {@code Integer} and {@code Long} are not equal in a map, and renderers may test types.
 */
final class AsParsedNumbers extends JsonGeneratorDelegate {

    AsParsedNumbers(JsonGenerator tokens) {
        super(tokens, false);
    }

    @Override
    public void writeNumber(short v) throws IOException {
        delegate.writeNumber((int) v);
    }

    @Override
    public void writeNumber(long v) throws IOException {
        if (v == (int) v) {
            delegate.writeNumber((int) v);
        } else {
            delegate.writeNumber(v);
        }
    }

    @Override
    public void writeNumber(BigInteger v) throws IOException {
        if (v == null) {
            delegate.writeNull();
        } else if (v.bitLength() < 64) {
            writeNumber(v.longValue());
        } else {
            delegate.writeNumber(v);
        }
    }

    @Override
    public void writeNumber(double v) throws IOException {
        if (Double.isFinite(v)) {
            delegate.writeNumber(v);
        } else {
            delegate.writeString(Double.toString(v)); // the text has "NaN" quoted (QUOTE_NON_NUMERIC_NUMBERS)
        }
    }

    @Override
    public void writeNumber(float v) throws IOException {
        // The text of a float is its shortest decimal ("0.1"), which a reader parses as the double 0.1.
        writeNumber(Double.parseDouble(Float.toString(v)));
    }

    @Override
    public void writeNumber(BigDecimal v) throws IOException {
        if (v == null) {
            delegate.writeNull();
        } else {
            writeNumber(v.toString());
        }
    }

    /** A number as its text: whole when it has no fraction or exponent, like the reader decides. */
    @Override
    public void writeNumber(String encodedValue) throws IOException {
        if (encodedValue == null) {
            delegate.writeNull();
        } else if (encodedValue.chars().anyMatch(c -> c == '.' || c == 'e' || c == 'E')) {
            writeNumber(Double.parseDouble(encodedValue));
        } else {
            writeNumber(new BigInteger(encodedValue));
        }
    }
}
