package com.huntaze.audit.services.repo.iac;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the structure of a Terraform (HCL2 native syntax) file: blocks with their labels, attributes with their
 * expression's source and literal value, each with its line. Expressions are delimited exactly as HCL2's scanner
 * does (quoted templates with nested {@code ${...}}, heredocs, comments, brackets spanning lines) but not evaluated:
 * the checks need literals and references, not values. See README "Repository IaC parsing" for why not hcl4j.
 */
public final class HclParser {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String text;
    private int pos;
    private int line = 1;

    private HclParser(String text) {
        this.text = text;
    }

    /** The file's body as a block of type {@code ""}. */
    public static HclBlock parse(String text) throws IacParseException {
        HclParser parser = new HclParser(text);
        return parser.body("", List.of(), 1, false);
    }

    private HclBlock body(String type, List<String> labels, int startLine, boolean nested) throws IacParseException {
        List<HclBlock.Attribute> attributes = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        while (true) {
            skipSpaceAndComments(true);
            if (pos >= text.length()) {
                if (nested) {
                    throw new IacParseException("block " + type + " opened on line " + startLine + " is not closed",
                            line);
                }
                return new HclBlock(type, labels, startLine, attributes, blocks);
            }
            char c = text.charAt(pos);
            if (c == '}') {
                if (!nested) {
                    throw new IacParseException("unexpected }", line);
                }
                pos++;
                return new HclBlock(type, labels, startLine, attributes, blocks);
            }
            int itemLine = line;
            String name = identifier();
            if (name == null) {
                throw new IacParseException("unexpected character " + describe(c) + ", expected an attribute or a block",
                        line);
            }
            skipSpaceAndComments(false);
            if (pos < text.length() && text.charAt(pos) == '=' && !text.startsWith("==", pos)) {
                pos++;
                attributes.add(attribute(name, itemLine));
                continue;
            }
            List<String> blockLabels = new ArrayList<>();
            while (pos < text.length() && text.charAt(pos) != '{') {
                if (text.charAt(pos) == '"') {
                    blockLabels.add(quotedLabel());
                } else {
                    String label = identifier();
                    if (label == null) {
                        throw new IacParseException("expected = or { after " + name, line);
                    }
                    blockLabels.add(label);
                }
                skipSpaceAndComments(false);
            }
            if (pos >= text.length()) {
                throw new IacParseException("expected { after " + name, line);
            }
            pos++;
            blocks.add(body(name, blockLabels, itemLine, true));
        }
    }

    private HclBlock.Attribute attribute(String name, int attributeLine) throws IacParseException {
        skipSpaceAndComments(false);
        int start = pos;
        int end = pos;
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> openLines = new java.util.ArrayDeque<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int depth = open.size();
            if (c == '\n' && depth == 0) {
                break;
            }
            if (c == '#' || text.startsWith("//", pos) || text.startsWith("/*", pos)) {
                skipComment();
                continue;
            }
            if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
                if (c == '\n') {
                    line++;
                }
                pos++;
                continue;
            }
            if (c == '"') {
                quotedTemplate();
            } else if (text.startsWith("<<", pos)) {
                heredoc();
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(c);
                openLines.push(line);
                pos++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (c == '}') {
                        break; // the enclosing one-line block closes: `variable "x" { default = 1 }`
                    }
                    throw new IacParseException("unbalanced " + c, line);
                }
                char opener = open.pop();
                int openedOn = openLines.pop();
                if ("([{".indexOf(opener) != ")]}".indexOf(c)) {
                    throw new IacParseException(c + " closes the " + opener + " opened on line " + openedOn, line);
                }
                pos++;
            } else {
                pos++;
            }
            end = pos;
        }
        if (!open.isEmpty()) {
            throw new IacParseException(open.peek() + " opened on line " + openLines.peek() + " is not closed in the"
                    + " value of " + name, line);
        }
        String source = text.substring(start, end).trim();
        if (source.isEmpty()) {
            throw new IacParseException("attribute " + name + " has no value", attributeLine);
        }
        return new HclBlock.Attribute(name, source, literal(source), attributeLine);
    }

    private static Object literal(String source) {
        if (source.equals("true") || source.equals("false")) {
            return Boolean.valueOf(source);
        }
        if (NUMBER.matcher(source).matches()) {
            return new BigDecimal(source);
        }
        if (source.length() >= 2 && source.charAt(0) == '"' && source.charAt(source.length() - 1) == '"') {
            String inner = source.substring(1, source.length() - 1);
            if (inner.contains("${") || inner.contains("%{")) {
                return null;
            }
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '"') {
                    return null; // two strings joined by an operator, not one literal
                }
                if (c == '\\' && i + 1 < inner.length()) {
                    char next = inner.charAt(++i);
                    value.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }
        return null;
    }

    /** A quoted template, from its opening quote past its closing one, through any nested interpolation. */
    private void quotedTemplate() throws IacParseException {
        int startLine = line;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                throw new IacParseException("string not closed", startLine);
            }
            if (c == '\\') {
                pos += 2;
            } else if (c == '"') {
                pos++;
                return;
            } else if ((text.startsWith("$${", pos)) || text.startsWith("%%{", pos)) {
                pos += 3;
            } else if (text.startsWith("${", pos) || text.startsWith("%{", pos)) {
                pos += 2;
                interpolation();
            } else {
                pos++;
            }
        }
        throw new IacParseException("string not closed", startLine);
    }

    /** The inside of {@code ${ ... }}, past its closing brace. */
    private void interpolation() throws IacParseException {
        int startLine = line;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                quotedTemplate();
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    pos++;
                    return;
                }
                depth--;
            }
            pos++;
        }
        throw new IacParseException("interpolation not closed", startLine);
    }

    /** {@code <<EOT} or {@code <<-EOT} up to the line holding only EOT. */
    private void heredoc() throws IacParseException {
        int startLine = line;
        int markerStart = pos + (text.startsWith("<<-", pos) ? 3 : 2);
        int markerEnd = markerStart;
        while (markerEnd < text.length() && (Character.isLetterOrDigit(text.charAt(markerEnd))
                || text.charAt(markerEnd) == '_')) {
            markerEnd++;
        }
        if (markerEnd == markerStart) {
            throw new IacParseException("heredoc without a marker", line);
        }
        String marker = text.substring(markerStart, markerEnd);
        int eol = text.indexOf('\n', markerEnd);
        while (eol >= 0) {
            line++;
            int next = text.indexOf('\n', eol + 1);
            String candidate = text.substring(eol + 1, next < 0 ? text.length() : next).trim();
            if (candidate.equals(marker)) {
                pos = next < 0 ? text.length() : next;
                return;
            }
            eol = next;
        }
        throw new IacParseException("heredoc " + marker + " not closed", startLine);
    }

    private String quotedLabel() throws IacParseException {
        int start = pos;
        quotedTemplate();
        Object value = literal(text.substring(start, pos));
        if (!(value instanceof String label)) {
            throw new IacParseException("a block label cannot hold an interpolation", line);
        }
        return label;
    }

    private String identifier() {
        int start = pos;
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos);
        }
        return null;
    }

    private void skipSpaceAndComments(boolean newlines) throws IacParseException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (c == '\n' && newlines) {
                line++;
                pos++;
            } else if (c == '#' || text.startsWith("//", pos) || text.startsWith("/*", pos)) {
                skipComment();
            } else {
                return;
            }
        }
    }

    /** A comment; a line comment stops before its newline. */
    private void skipComment() throws IacParseException {
        if (text.startsWith("/*", pos)) {
            int close = text.indexOf("*/", pos + 2);
            if (close < 0) {
                throw new IacParseException("comment not closed", line);
            }
            for (int i = pos; i < close; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            pos = close + 2;
            return;
        }
        int eol = text.indexOf('\n', pos);
        pos = eol < 0 ? text.length() : eol;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
