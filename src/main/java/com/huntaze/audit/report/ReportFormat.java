package com.huntaze.audit.report;

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

    public String render(Map<String, Object> tree) {
        return switch (this) {
            case md -> new MarkdownReport().render(tree);
            case json -> JsonReport.render(tree);
            case junit -> JunitReport.render(tree);
            case sarif -> SarifReport.render(tree);
            case csv -> CsvReport.render(tree);
            case html -> new HtmlReport().render(tree);
        };
    }
}
