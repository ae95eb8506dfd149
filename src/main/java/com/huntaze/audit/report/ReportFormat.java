package com.huntaze.audit.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** The formats a report is written in; each renders from the report's JSON tree. */
public enum ReportFormat {
    md("md"),
    json("json"),
    junit("xml"),
    sarif("sarif"),
    csv("csv"),
    html("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension of this format, without the dot. */
    public String extension() {
        return extension;
    }

    /** The report in this format as one text, as {@link #write} writes it: for tests. */
    public String render(Map<String, Object> tree) {
        return ReportWriting.text(out -> write(tree, out));
    }

    /** Writes the report in this format to {@code out} as a stream: no text of the whole report is held. */
    public void write(Map<String, Object> tree, Writer out) throws IOException {
        switch (this) {
            case md -> new MarkdownReport().write(tree, out);
            case json -> JsonReport.write(tree, out);
            case junit -> JunitReport.write(tree, out);
            case sarif -> SarifReport.write(tree, out);
            case csv -> CsvReport.write(tree, out);
            case html -> new HtmlReport().write(tree, out);
        }
    }
}
