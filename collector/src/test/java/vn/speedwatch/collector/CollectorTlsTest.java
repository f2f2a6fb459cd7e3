package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.speedwatch.collector.Fixtures.measurement;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Settings;

/** The collector serves HTTPS from a PKCS#12 keystore named in its config. */
@ExtendWith(VertxExtension.class)
class CollectorTlsTest {

    private static final String PASSWORD = "kho-khoa-thu-nghiem";

    @TempDir static Path dir;
    static Path keystore;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBrokerAndMakeCertificate() throws Exception {
        keystore = dir.resolve("collector.p12");
        selfSignedKeystore(keystore, PASSWORD);
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        broker.createTopic(Fixtures.TOPIC, 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void acceptsMeasurementsOverHttpsAndGivesPlainHttpNoAnswer(Vertx vertx) throws Exception {
        Collector collector = join(Collector.start(vertx, config(keystore.toString(), PASSWORD)));
        try {
            HttpClient https =
                    HttpClient.newBuilder()
                            .sslContext(trusting(keystore))
                            .connectTimeout(Duration.ofSeconds(10))
                            .build();
            String base = "https://127.0.0.1:" + collector.port();

            HttpResponse<String> posted =
                    https.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/measurements"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    measurement(91.5).toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> live =
                    https.send(
                            HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(posted.body()).contains("\"accepted\"");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(plainHttpAnswer(collector.port())).doesNotStartWith("HTTP/");
        } finally {
            join(collector.close());
        }
    }

    @Test
    void wrongPasswordStopsTheStartWithOneLineNamingTheKeyAndFile() {
        assertThatThrownBy(() -> config(keystore.toString(), "not-the-password"))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("http.tls.keystore-password")
                .hasMessageContaining(keystore.toString())
                .hasMessageStartingWith("kho khóa TLS")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingKeystoreFileNamesTheKeyAndFile() {
        String missing = dir.resolve("khong-co.p12").toString();

        assertThatThrownBy(() -> config(missing, PASSWORD))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("http.tls.keystore=" + missing)
                .hasMessageContaining("file not found");
    }

    @Test
    void keystoreWithoutPasswordIsRefusedByName() {
        assertThatThrownBy(
                        () ->
                                CollectorConfig.from(
                                        Settings.of(
                                                Map.of("http.tls.keystore", keystore.toString()))))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("http.tls.keystore-password")
                .hasMessageContaining("SPEEDWATCH_HTTP_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void passwordIsMaskedInTheLoggedConfig() {
        assertThat(config(keystore.toString(), PASSWORD).toString())
                .contains("collector.p12")
                .doesNotContain(PASSWORD);
    }

    private static CollectorConfig config(String keystorePath, String password) {
        return Fixtures.config(
                broker.bootstrapServers(),
                Map.of("http.tls.keystore", keystorePath, "http.tls.keystore-password", password));
    }

    /** What a client speaking plain HTTP to the TLS port reads back before the server hangs up. */
    private static String plainHttpAnswer(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static void selfSignedKeystore(Path file, String password) throws Exception {
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "collector",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-validity",
                                "2",
                                "-dname",
                                "CN=127.0.0.1",
                                "-ext",
                                "SAN=ip:127.0.0.1",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                file.toString(),
                                "-storepass",
                                password,
                                "-keypass",
                                password)
                        .redirectErrorStream(true)
                        .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        assertThat(Files.size(file)).isPositive();
    }

    private static SSLContext trusting(Path file) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private static <T> T join(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
