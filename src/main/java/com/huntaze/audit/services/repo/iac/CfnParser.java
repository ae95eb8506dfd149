package com.huntaze.audit.services.repo.iac;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template (or any YAML or JSON document) into {@link CfnNode}s with their lines. YAML goes
 * through SnakeYAML's composer (already shipped, under Jackson's YAML module): it keeps every node's tag and start
 * mark, so the short-form intrinsics ({@code !Ref}, {@code !GetAtt}, ...) and the lines survive, which Jackson's
 * YAML tree does not give. JSON goes through Jackson's streaming parser, which gives each token's line.
 */
public final class CfnParser {
    /** The short-form intrinsic function tags of CloudFormation YAML, read as their long form. */
    static final Set<String> SHORT_FORM_TAGS = Set.of("Ref", "Sub", "GetAtt", "If", "Join", "Select", "FindInMap",
            "ImportValue", "Base64", "Split", "Equals", "Not", "And", "Or", "Condition", "GetAZs", "Cidr",
            "Transform", "Length", "ToJsonString");
    private static final JsonFactory JSON = new JsonFactory();

    private CfnParser() {
    }

    /** A YAML document; a file of several documents gives its first. */
    public static CfnNode parseYaml(String text) throws IacParseException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(8 * 1024 * 1024); // files over 5 MB are never read; the default limit is 3 MB
        try {
            for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
                return document == null ? CfnNode.scalar(null, 1) : convert(document);
            }
            return CfnNode.scalar(null, 1);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new IacParseException(e.getProblem() != null ? e.getProblem() : e.getContext(),
                    mark == null ? 0 : mark.getLine() + 1);
        } catch (YAMLException e) {
            throw new IacParseException(e.getMessage(), 0);
        }
    }

    private static CfnNode convert(Node node) {
        int line = node.getStartMark().getLine() + 1;
        CfnNode plain;
        if (node instanceof MappingNode mapping) {
            Map<String, CfnNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue()
                        : String.valueOf(convert(tuple.getKeyNode()));
                entries.put(key, convert(tuple.getValueNode()));
                keyLines.put(key, tuple.getKeyNode().getStartMark().getLine() + 1);
            }
            plain = CfnNode.map(entries, keyLines, line);
        } else if (node instanceof SequenceNode sequence) {
            List<CfnNode> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(convert(item)));
            plain = CfnNode.list(items, line);
        } else {
            ScalarNode scalar = (ScalarNode) node;
            plain = CfnNode.scalar(Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(), line);
        }
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && SHORT_FORM_TAGS.contains(tag.substring(1))) {
            String name = tag.substring(1);
            String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            return CfnNode.intrinsic(function, plain, line);
        }
        return plain;
    }

    /** A JSON document. */
    public static CfnNode parseJson(String text) throws IacParseException {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IacParseException("empty document", 1);
            }
            CfnNode root = readJson(parser);
            if (parser.nextToken() != null) {
                throw new IacParseException("content after the document", parser.currentTokenLocation().getLineNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IacParseException(e.getOriginalMessage(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new IacParseException(e.getMessage(), 0);
        }
    }

    private static CfnNode readJson(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, CfnNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                entries.put(key, readJson(parser));
                keyLines.put(key, keyLine);
            }
            return CfnNode.map(entries, keyLines, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<CfnNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readJson(parser));
            }
            return CfnNode.list(items, line);
        }
        return CfnNode.scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
    }
}
