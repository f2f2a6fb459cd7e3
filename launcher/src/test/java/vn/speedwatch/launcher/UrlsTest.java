package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The addresses printed at start-up are the ones a person can open. */
class UrlsTest {

    @Test
    void plainHttpOnAWildcardAddressIsShownAsLocalhost() {
        Urls urls = Urls.of("0.0.0.0", 8080, false);
        assertThat(urls.base()).isEqualTo("http://localhost:8080");
        assertThat(urls.console()).isEqualTo("http://localhost:8080/admin");
        assertThat(urls.api()).isEqualTo("http://localhost:8080/api/v1/measurements");
    }

    @Test
    void withTlsEveryAddressIsHttps() {
        Urls urls = Urls.of("speedwatch.example.vn", 8443, true);
        assertThat(urls.describe().lines().map(l -> l.substring(l.indexOf(": ") + 2)))
                .allMatch(u -> u.startsWith("https://speedwatch.example.vn:8443/"));
    }
}
