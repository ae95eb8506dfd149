package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.report.Verdict;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's HTML report opened in a real browser: headless Chromium (Debian's {@code chromium}) loads the file,
 * runs its script, and the test reads the DOM it dumps. The filter is the URL fragment, so a filtered view needs no
 * driver: the fragment is in the URL given to the browser. Skipped, saying why, when Chromium is not installed.
 */
class HtmlReportBrowserIT {

    /** Where the screenshot goes; the README's docs/html-report.png is a copy of it. */
    private static final Path SCREENSHOT = Path.of("target", "html-report.png");
    private static final Pattern ROW = Pattern.compile("<tr data-status=\"([A-Z]+)\"[^>]*? data-check=\"([^\"]*)\"[^>]*>");

    @TempDir
    static Path dir;

    private static Path chromium;
    private static Path html;
    private static Path jsonFile;
    private static Map<String, Object> json;

    @BeforeAll
    static void demoReport() throws IOException {
        chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium): the HTML "
                + "report's browser test is skipped");
        Path out = Files.createDirectory(dir.resolve("reports"));
        CliRun run = CliRun.of("check", "--demo", "--format", "html,json", "--output-dir", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.sorted().toList();
            html = written.get(0);
            jsonFile = written.get(1);
            json = ReportReader.read(jsonFile);
        }
    }

    /** A visible or hidden row of the findings table, as the browser left it. */
    private record Row(String status, String check, boolean hidden) {
    }

    private static List<Row> rows(String dom) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2), m.group().contains(" hidden=")));
        }
        return rows;
    }

    private static List<Row> visible(String dom) {
        return rows(dom).stream().filter(r -> !r.hidden()).toList();
    }

    @SuppressWarnings("unchecked")
    private static long findings(java.util.function.Predicate<Map<String, Object>> which) {
        return ((List<Map<String, Object>>) json.get("findings")).stream().filter(which).count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVerdictAndEveryNokOfTheJsonAreOnThePage() throws Exception {
        String dom = browse(html.toUri() + "", "--dump-dom");

        assertThat(dom).contains("class=\"verdict not-ready\">" + Verdict.of(json) + "</div>");
        assertThat(Verdict.of(json)).startsWith("Not ready: ");
        long nok = ((Number) ((Map<String, Object>) json.get("summary")).get("nok")).longValue();
        assertThat(visible(dom).stream().filter(r -> r.status().equals("NOK")).count()).isEqualTo(nok);
        // The script ran: it counted the rows it shows.
        int all = rows(dom).size();
        assertThat(all).isEqualTo(findings(f -> true));
        assertThat(dom).contains("<span id=\"shown\">" + all + " of " + all + " findings</span>");
    }

    @Test
    void filteringByRdsLeavesOnlyTheRdsRows() throws Exception {
        String dom = browse(html.toUri() + "#check=rds", "--dump-dom");

        List<Row> shown = visible(dom);
        assertThat(shown).isNotEmpty().allSatisfy(r -> assertThat(r.check()).startsWith("rds."));
        assertThat((long) shown.size()).isEqualTo(findings(f -> ((String) f.get("checkId")).startsWith("rds.")));
        assertThat(rows(dom).stream().filter(Row::hidden)).isNotEmpty();
        // The filter field shows what the fragment asked for.
        assertThat(dom).contains("of " + rows(dom).size() + " findings");

        String noks = browse(html.toUri() + "#status=NOK&check=rds.*", "--dump-dom");
        assertThat(visible(noks)).isNotEmpty()
                .allSatisfy(r -> assertThat(r).extracting(Row::status, x -> x.check().startsWith("rds."))
                        .containsExactly("NOK", true));
        assertThat((long) visible(noks).size()).isEqualTo(findings(f -> "NOK".equals(f.get("status"))
                && ((String) f.get("checkId")).startsWith("rds.")));
    }

    @Test
    void theBrowserShowsAttackerControlledNamesAsText() throws Exception {
        // The demo's JSON with a resource name, a message and an evidence value that would run script if not escaped.
        String evil = Files.readString(jsonFile)
                .replaceFirst("\"resourceId\" : \"[^\"]*\"", "\"resourceId\" : \"<script>document.title='pwned'</script>\"")
                .replaceFirst("\"message\" : \"[^\"]*\"", "\"message\" : \"\\\\\"><img src=x onerror=\\\\\"document.body"
                        + ".setAttribute('data-pwned','1')\\\\\">\"")
                .replaceFirst("\"Type\" : \"[^\"]*\"", "\"Type\" : \"</script><b id=injected>bold</b>\"");
        Path report = dir.resolve("evil.json");
        Files.writeString(report, evil);
        Path page = dir.resolve("evil.html");
        CliRun rendered = CliRun.of("render", report.toString(), "--format", "html", "--output", page.toString());
        assertThat(rendered.exitCode()).as(rendered.toString()).isZero();

        String dom = browse(page.toUri() + "", "--dump-dom");

        // No element was injected, no handler ran (it would have marked the body), the title is the report's.
        assertThat(dom).doesNotContain("<img", "id=\"injected\"", "pwned</title>")
                .doesNotContainPattern("<body[^>]*data-pwned")
                .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;", "&lt;img src=x onerror=",
                        "&lt;/script&gt;&lt;b id=injected&gt;bold&lt;/b&gt;");
        assertThat(Pattern.compile("<script").matcher(dom).results().count()).isEqualTo(1);
        // The page still works: its script ran after the hostile values.
        assertThat(dom).contains("findings</span>").contains(" of ");
    }

    @Test
    void aScreenshotOfTheDemoReport() throws Exception {
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.deleteIfExists(SCREENSHOT);
        browse(html.toUri() + "", "--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,1500",
                "--hide-scrollbars");

        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(20_000); // something was drawn, not a blank page
    }

    /** Runs headless Chromium on {@code url}; its standard output (the DOM with {@code --dump-dom}). */
    private static String browse(String url, String... what) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(what));
        command.add(url);
        Path stdout = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process browser = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!browser.waitFor(90, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + command);
        }
        assertThat(browser.exitValue()).as("chromium's exit code for " + command).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

}
