package com.huntaze.audit.services.amplify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Amplify collector keeps of the environment variables ListApps and ListBranches return: names. */
class AmplifyCollectorsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void onlyNamesAreKeptSortedAndAKeyShapedValueOnlyMasked() throws Exception {
        Map<String, String> answered = new LinkedHashMap<>();
        answered.put("DATABASE_URL", "postgres://app:hunter2@db.internal/app");
        answered.put("AWS_SECRET_ACCESS_KEY", SECRET);
        answered.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");

        List<AmplifyVariable> kept = AmplifyCollectors.names(answered);

        assertThat(kept).containsExactly(new AmplifyVariable("AWS_ACCESS_KEY_ID", "AKIA…MPLE"),
                new AmplifyVariable("AWS_SECRET_ACCESS_KEY", null), new AmplifyVariable("DATABASE_URL", null));
        String json = new ObjectMapper().writeValueAsString(kept);
        assertThat(json).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("hunter2");
    }

    @Test
    void anAccessKeyIdIsAkiaOrAsiaAndSixteenUpperCaseLettersOrDigitsAnywhereInTheValue() {
        assertThat(AmplifyCollectors.maskedKeyId("ASIAY34FZKBOKMUTVV7A")).isEqualTo("ASIA…VV7A");
        assertThat(AmplifyCollectors.maskedKeyId("key=AKIAIOSFODNN7EXAMPLE;secret=x")).isEqualTo("AKIA…MPLE");
        assertThat(AmplifyCollectors.maskedKeyId("AKIAIOSFODNN7EXAMPL")).as("15 after the prefix").isNull();
        assertThat(AmplifyCollectors.maskedKeyId("AKIAIOSFODNN7EXAMPLE1")).as("17 after the prefix").isNull();
        assertThat(AmplifyCollectors.maskedKeyId("akiaiosfodnn7example")).isNull();
        assertThat(AmplifyCollectors.maskedKeyId("https://api.huntaze.com")).isNull();
        assertThat(AmplifyCollectors.maskedKeyId(null)).isNull();
    }
}
