package com.huntaze.audit.services.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.config.ConfigException;
import com.huntaze.audit.config.ConfigLoader;
import com.huntaze.audit.engine.CheckRegistry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The config file's {@code cloudfront:} section, declared by cloudfront.origin-in-account. */
class CloudFrontSettingsTest {

    private static final ConfigLoader LOADER = new ConfigLoader(CheckRegistry.load(), LocalDate.of(2026, 11, 22));

    @Test
    void allowedOriginsAreDomainGlobsMatchedWithoutCase() {
        CloudFrontSettings settings = LOADER.parse("c.yml", """
                cloudfront:
                  allowedOrigins: ["*.MyShopify.com", media.partner.example]
                """).settings().get(CloudFrontSettings.SECTION);

        assertThat(settings.allowedOrigins()).containsExactly("*.myshopify.com", "media.partner.example");
        assertThat(settings.allowing("huntaze.myshopify.com")).contains("*.myshopify.com");
        assertThat(settings.allowing("MEDIA.partner.example")).contains("media.partner.example");
        assertThat(settings.allowing("huntaze.vercel.app")).isEmpty();
    }

    @Test
    void noSectionAllowsNothing() {
        assertThat(LOADER.parse("c.yml", "thresholds:\n  idleDays: 7\n").settings().get(CloudFrontSettings.SECTION))
                .isEqualTo(CloudFrontSettings.DEFAULTS);
        assertThat(CloudFrontSettings.DEFAULTS.allowedOrigins()).isEmpty();
        assertThat(CheckRegistry.load().settings()).containsKey("cloudfront");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key|cloudfront:\\n  allowed: [x.example]\\n|c.yml:2: cloudfront.allowed: |unknown key 'allowed'",
            "blank pattern|cloudfront:\\n  allowedOrigins:\\n    - a.example\\n    - ''\\n|c.yml:4: cloudfront.allowedOrigins[1]: |empty pattern",
            "a URL, not a domain|cloudfront:\\n  allowedOrigins: ['https://shop.example/x']\\n|c.yml:2: cloudfront.allowedOrigins[0]: |no scheme, path or spaces"})
    void anInvalidSectionIsOneLineNamingFileLineAndKey(String kind, String text, String prefix, String problem) {
        assertThatThrownBy(() -> LOADER.parse("c.yml", text.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(prefix).contains(problem).doesNotContain("\n"));
    }

    @Test
    void theSectionIsRead() {
        assertThat(new CloudFrontOriginInAccountCheck(List.of()).settings()).containsExactly(CloudFrontSettings.SECTION);
    }
}
