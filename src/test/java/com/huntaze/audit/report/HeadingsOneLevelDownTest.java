package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * In the Markdown of several accounts, each account's report goes one heading level down as it is written: the
 * same text as {@code replaceAll("(?m)^(#{1,5}) ", "#$1 ")} on the whole of it, in whatever pieces it arrives.
 */
class HeadingsOneLevelDownTest {

    private static final String MARKDOWN = "# Launch-readiness audit — account 111122223333\n\n"
            + "## Checks\n\n| ## not a heading | # |\n##### five\n###### six stay six\n#no space\n"
            + "  # indented\n\n## after a blank line\r\n## after CRLF\r### after CR\u2028#### after LS\u0085"
            + "# after NEL\u2029## after PS\n#\n##\n## ends with hashes\n###";

    @Test
    void headingsGoOneLevelDownExactlyAsTheWholeTextRegexDid() {
        String expected = MARKDOWN.replaceAll("(?m)^(#{1,5}) ", "#$1 ");

        for (int piece : new int[] {1, 2, 3, 7, MARKDOWN.length()}) {
            assertThat(oneLevelDown(MARKDOWN, piece)).as("in pieces of " + piece).isEqualTo(expected);
        }
        assertThat(expected).as("what the regex does").contains("\n### Checks\n", "\n###### five\n", "\n###### six stay six\n",
                "\n#no space\n", "\n  # indented\n", "\r\n### after CRLF\r#### after CR");
    }

    private static String oneLevelDown(String markdown, int piece) {
        StringWriter out = new StringWriter();
        AccountReports.HeadingsOneLevelDown down = new AccountReports.HeadingsOneLevelDown(new MarkdownOut(out));
        for (int at = 0; at < markdown.length(); at += piece) {
            down.write(markdown.toCharArray(), at, Math.min(piece, markdown.length() - at));
        }
        down.finish();
        return out.toString();
    }
}
