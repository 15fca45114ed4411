package org.pediconsult.hl7.internal.common;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** MLLP over TLS: Camel's JSSE parameters from a channel's key store and trust store settings (TLS 1.2 and 1.3 only). */
public final class Tls {
    private Tls() {
    }

    /**
     * @param clientAuth for a listener: NONE, WANT or REQUIRE a client certificate; ignored for a client
     */
    public static SSLContextParameters parameters(String keyStore, String keyStorePassword, String trustStore,
                                           String trustStorePassword, String clientAuth) {
        SSLContextParameters p = new SSLContextParameters();
        if (!keyStore.isBlank()) {
            KeyManagersParameters km = new KeyManagersParameters();
            km.setKeyStore(store(keyStore, keyStorePassword));
            km.setKeyPassword(keyStorePassword);
            p.setKeyManagers(km);
        }
        if (!trustStore.isBlank()) {
            TrustManagersParameters tm = new TrustManagersParameters();
            tm.setKeyStore(store(trustStore, trustStorePassword));
            p.setTrustManagers(tm);
        }
        org.apache.camel.support.jsse.SecureSocketProtocolsParameters protocols =
                new org.apache.camel.support.jsse.SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(java.util.List.of("TLSv1.3", "TLSv1.2"));
        p.setSecureSocketProtocols(protocols);
        if (clientAuth != null) {
            SSLContextServerParameters server = new SSLContextServerParameters();
            server.setClientAuthentication(clientAuth);
            p.setServerParameters(server);
        }
        return p;
    }

    private static KeyStoreParameters store(String path, String password) {
        KeyStoreParameters ks = new KeyStoreParameters();
        ks.setResource("file:" + path);
        ks.setPassword(password);
        ks.setType(path.endsWith(".jks") ? "JKS" : "PKCS12");
        return ks;
    }
}
