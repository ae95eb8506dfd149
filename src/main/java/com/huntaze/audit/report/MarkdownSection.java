package com.huntaze.audit.report;

/**
 * One part of the Markdown report: it appends its Markdown (ending with a blank line), or nothing when it has nothing
 * to say. {@link MarkdownReport#SECTIONS} lists them in order; a new section is a class with such a method and one
 * line in that list.
 */
@FunctionalInterface
interface MarkdownSection {
    void write(MarkdownDocument doc, MarkdownOut out);
}
