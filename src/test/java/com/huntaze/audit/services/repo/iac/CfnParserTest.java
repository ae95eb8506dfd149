package com.huntaze.audit.services.repo.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CfnParserTest {

    @Test
    void everyShortFormTagReadsAsItsLongFormAtItsLine() throws Exception {
        CfnNode root = CfnParser.parseYaml("""
                Values:
                  a: !Ref Bucket
                  b: !Sub "${Bucket}.s3.amazonaws.com"
                  c: !GetAtt Bucket.Arn
                  d: !If [IsProd, x, y]
                  e: !Join [",", [a, b]]
                  f: !Select [0, !GetAZs ""]
                  g: !FindInMap [Map, Key, Value]
                  h: !ImportValue shared-vpc
                  i: !Base64 text
                  j: !Split [",", "a,b"]
                  k: !Equals [a, b]
                  l: !Not [!Condition IsProd]
                  m: !And [!Condition A, !Condition B]
                  n: !Or [!Condition A, !Condition B]
                  o: !Cidr ["10.0.0.0/16", 6, 8]
                  p: !GetAZs us-east-1
                """);
        CfnNode values = root.get("Values").orElseThrow();
        String[][] expected = {{"a", "Ref"}, {"b", "Fn::Sub"}, {"c", "Fn::GetAtt"}, {"d", "Fn::If"},
                {"e", "Fn::Join"}, {"f", "Fn::Select"}, {"g", "Fn::FindInMap"}, {"h", "Fn::ImportValue"},
                {"i", "Fn::Base64"}, {"j", "Fn::Split"}, {"k", "Fn::Equals"}, {"l", "Fn::Not"}, {"m", "Fn::And"},
                {"n", "Fn::Or"}, {"o", "Fn::Cidr"}, {"p", "Fn::GetAZs"}};
        for (int i = 0; i < expected.length; i++) {
            CfnNode value = values.get(expected[i][0]).orElseThrow();
            assertThat(value.intrinsic()).as(expected[i][0]).contains(expected[i][1]);
            assertThat(value.line()).as(expected[i][0]).isEqualTo(i + 2);
        }
        assertThat(values.path("l").flatMap(n -> n.argument("Fn::Not")).orElseThrow().items().get(0).intrinsic())
                .contains("Condition");
        assertThat(CfnTemplate.referencedId(values.get("c").orElseThrow())).contains("Bucket");
        assertThat(CfnTemplate.referencedId(values.get("a").orElseThrow())).contains("Bucket");
    }

    @Test
    void jsonTemplatesKeepLinesAndReadLongFormIntrinsicsTheSameWay() throws Exception {
        CfnNode root = CfnParser.parseJson("""
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "Role": {"Type": "AWS::IAM::Role"},
                    "Task": {
                      "Type": "AWS::ECS::TaskDefinition",
                      "Properties": {"TaskRoleArn": {"Fn::GetAtt": ["Role", "Arn"]}}
                    }
                  }
                }
                """);
        CfnTemplate template = new CfnTemplate("stack.json", root);

        assertThat(CfnTemplate.isTemplate(root)).isTrue();
        assertThat(template.resources()).extracting(CfnTemplate.Resource::logicalId, CfnTemplate.Resource::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Role", 4),
                        org.assertj.core.groups.Tuple.tuple("Task", 5));
        CfnNode role = template.resource("Task").orElseThrow().property("TaskRoleArn").orElseThrow();
        assertThat(role.line()).isEqualTo(7);
        assertThat(CfnTemplate.referencedId(role)).contains("Role");
    }

    @Test
    void aDocumentWithoutTemplateShapeIsNotATemplate() throws Exception {
        assertThat(CfnTemplate.isTemplate(CfnParser.parseYaml("version: 1\nfrontend:\n  phases: {}\n"))).isFalse();
        assertThat(CfnTemplate.isTemplate(CfnParser.parseYaml("Resources:\n  B:\n    Type: AWS::S3::Bucket\n")))
                .isTrue();
    }

    @Test
    void aBrokenFileGivesTheParsersReasonAndLineButNoneOfItsText() {
        assertThatThrownBy(() -> CfnParser.parseYaml("Resources:\n  A: [1, 2\n  B: secret-value-here\n"))
                .isInstanceOf(IacParseException.class)
                .satisfies(e -> assertThat(((IacParseException) e).line()).isEqualTo(3))
                .message().doesNotContain("secret-value-here");
        assertThatThrownBy(() -> CfnParser.parseJson("{\n  \"Resources\": AKIAQWERTYUIOPASDFGH\n}"))
                .isInstanceOf(IacParseException.class)
                .satisfies(e -> assertThat(((IacParseException) e).line()).isEqualTo(2))
                .message().doesNotContain("AKIAQWERTYUIOPASDFGH").contains("20 characters");
    }
}
