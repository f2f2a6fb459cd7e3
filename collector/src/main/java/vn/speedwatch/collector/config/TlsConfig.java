package vn.speedwatch.collector.config;

import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Optional;
import vn.speedwatch.model.Settings;

/**
 * HTTPS for the collector's server (and the console the launcher mounts on it): a PKCS#12 keystore
 * holding the certificate and its private key, set by {@code http.tls.keystore} and {@code
 * http.tls.keystore-password}. Unset, the server speaks plain HTTP (behind a TLS proxy).
 *
 * <p>The keystore is opened once while the config is read, so a missing file or a wrong password
 * stops the start with one line naming the key and the file, not a TLS stack trace at listen time.
 */
public record TlsConfig(Path keystore, String password) {

    public static final String KEYSTORE = "http.tls.keystore";
    public static final String PASSWORD = "http.tls.keystore-password";

    /** The TLS settings if {@code http.tls.keystore} is set, checked by opening the keystore. */
    public static Optional<TlsConfig> from(Settings s) {
        Optional<String> keystore = s.find(KEYSTORE);
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        TlsConfig tls = new TlsConfig(Path.of(keystore.get()), s.required(PASSWORD));
        tls.check();
        return Optional.of(tls);
    }

    /** The keystore as Vert.x server key material. */
    public PfxOptions keyCertOptions() {
        return new PfxOptions().setPath(keystore.toString()).setPassword(password);
    }

    private void check() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
        } catch (NoSuchFileException e) {
            throw error("không tìm thấy tệp / file not found");
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException caused by
            // UnrecoverableKeyException.
            throw error(
                    e.getCause() instanceof UnrecoverableKeyException
                            ? "sai mật khẩu (" + PASSWORD + ") / wrong password (" + PASSWORD + ")"
                            : "không đọc được tệp PKCS#12 / not a readable PKCS#12 file");
        } catch (GeneralSecurityException e) {
            throw error("không đọc được tệp PKCS#12 / not a readable PKCS#12 file");
        }
    }

    private Settings.ConfigException error(String why) {
        return new Settings.ConfigException(
                "kho khóa TLS "
                        + KEYSTORE
                        + "="
                        + keystore
                        + " không dùng được / the TLS keystore "
                        + KEYSTORE
                        + "="
                        + keystore
                        + " cannot be used: "
                        + why);
    }

    @Override
    public String toString() {
        return "TLS[keystore=" + keystore + ", password=***]";
    }
}
