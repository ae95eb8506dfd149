package com.huntaze.audit.services.repo.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HclParserTest {

    @Test
    void blocksLabelsAttributesAndTheirLines() throws Exception {
        HclBlock file = HclParser.parse("""
                # the AI router
                terraform {
                  backend "s3" { bucket = "state" }
                }

                resource "aws_ecs_service" "router" {
                  name          = "ai-router-${var.env}"
                  desired_count = 2
                  tags = {
                    Name = "router" # comment with a } brace
                  }
                  /* a block comment
                     over two lines */
                  network_configuration {
                    assign_public_ip = true
                  }
                  dynamic "load_balancer" {
                    for_each = var.lbs
                    content {
                      container_port = 8080
                    }
                  }
                }

                locals {
                  policy = <<-EOT
                    {"Statement": "}"}
                  EOT
                  list = [
                    "a",
                    "b",
                  ]
                }
                """);

        assertThat(file.blocks()).extracting(HclBlock::type, HclBlock::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("terraform", 2),
                org.assertj.core.groups.Tuple.tuple("resource", 6),
                org.assertj.core.groups.Tuple.tuple("locals", 25));
        HclBlock backend = file.blocks("terraform").get(0).blocks("backend").get(0);
        assertThat(backend.labels()).containsExactly("s3");
        assertThat(backend.attribute("bucket").orElseThrow().string()).contains("state");
        HclBlock service = file.blocks("resource", "aws_ecs_service").get(0);
        assertThat(service.labels()).containsExactly("aws_ecs_service", "router");
        assertThat(service.attribute("name").orElseThrow().literal()).isNull(); // an interpolation is no literal
        assertThat(service.attribute("desired_count").orElseThrow().literal()).isEqualTo(new BigDecimal("2"));
        HclBlock.Attribute publicIp = service.blocks("network_configuration").get(0)
                .attribute("assign_public_ip").orElseThrow();
        assertThat(publicIp.isTrue()).isTrue();
        assertThat(publicIp.line()).isEqualTo(15);
        assertThat(service.blocks("load_balancer")).hasSize(1); // the dynamic block's content
        HclBlock locals = file.blocks("locals").get(0);
        assertThat(locals.attribute("list").orElseThrow().line()).isEqualTo(29);
    }

    @Test
    void aBrokenFileNamesTheErrorAndItsLine() {
        assertThatThrownBy(() -> HclParser.parse("resource \"a\" \"b\" {\n  x = 1\n"))
                .isInstanceOf(IacParseException.class)
                .hasMessage("block resource opened on line 1 is not closed");
        assertThatThrownBy(() -> HclParser.parse("locals {\n  a = [1,\n}\n"))
                .isInstanceOf(IacParseException.class)
                .satisfies(e -> assertThat(((IacParseException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> HclParser.parse("= 1\n")).isInstanceOf(IacParseException.class)
                .hasMessageContaining("unexpected character '='");
    }
}
