package com.huntaze.audit.services.repo.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A block of a Terraform (HCL2) file, or the file's body itself (type {@code ""}).
 *
 * @param type       {@code resource}, {@code terraform}, {@code network_configuration}, ...
 * @param labels     {@code ["aws_ecs_service", "router"]}
 * @param line       1-based line of the block's type
 * @param attributes in file order
 * @param blocks     the nested blocks, in file order
 */
public record HclBlock(String type, List<String> labels, int line, List<Attribute> attributes, List<HclBlock> blocks) {

    /**
     * {@code name = expression}.
     *
     * @param source  the expression as written (never quoted in a report: it may hold a secret)
     * @param literal the value when the expression is a literal: a String (a quoted string without interpolation),
     *                a Boolean or a java.math.BigDecimal; null for any other expression
     */
    public record Attribute(String name, String source, Object literal, int line) {
        public Optional<String> string() {
            return literal instanceof String s ? Optional.of(s) : Optional.empty();
        }

        public boolean isTrue() {
            return Boolean.TRUE.equals(literal);
        }
    }

    public HclBlock {
        labels = List.copyOf(labels);
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The label at {@code index}, or "". */
    public String label(int index) {
        return index < labels.size() ? labels.get(index) : "";
    }

    /**
     * The nested blocks of {@code type}, including the {@code content} of a {@code dynamic "type"} block (which
     * Terraform expands into such blocks).
     */
    public List<HclBlock> blocks(String type) {
        List<HclBlock> found = new ArrayList<>();
        for (HclBlock block : blocks) {
            if (block.type().equals(type)) {
                found.add(block);
            } else if (block.type().equals("dynamic") && block.label(0).equals(type)) {
                found.addAll(block.blocks("content"));
            }
        }
        return found;
    }

    /** The nested blocks {@code type "label0" ...}: {@code resources("resource", "aws_lb")}. */
    public List<HclBlock> blocks(String type, String firstLabel) {
        return blocks(type).stream().filter(b -> b.label(0).equals(firstLabel)).toList();
    }
}
