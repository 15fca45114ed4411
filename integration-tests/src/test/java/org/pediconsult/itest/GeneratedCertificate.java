package org.pediconsult.itest;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The self-signed HTTPS certificate a distribution generated on its first start (bin/setenv:
 * data/pediconsult/tls/https.p12, password in data/pediconsult/secrets/https.keystore.password), as
 * the only trust anchor of a test's TLS client: what an operator does when they pin the certificate.
 */
final class GeneratedCertificate {
    static final String STORE = "data/pediconsult/tls/https.p12";
    static final String PASSWORD_FILE = "data/pediconsult/secrets/https.keystore.password";

    private GeneratedCertificate() {
    }

    /** The key store password bin/setenv wrote (for the tests that look for it where it must not be). */
    static String password(Path home) throws Exception {
        return Files.readString(home.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).trim();
    }

    static Certificate certificate(Path home) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(home.resolve(STORE))) {
            store.load(in, password(home).toCharArray());
        }
        Certificate certificate = store.getCertificate("https");
        if (certificate == null) {
            throw new AssertionError(STORE + " holds no certificate with alias 'https'");
        }
        return certificate;
    }

    /** A TLS context that trusts this certificate and nothing else. */
    static SSLContext trustedBy(Path home) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("pediconsult", certificate(home));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }

    /** An HTTP client (HTTPS with hostname verification against the certificate's names) trusting only it. */
    static HttpClient client(Path home) throws Exception {
        return HttpClient.newBuilder().sslContext(trustedBy(home)).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
