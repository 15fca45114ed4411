package org.pediconsult.platform.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.pediconsult.platform.api.Ids;

/**
 * The token signing key, an RSA JWK kept in a file readable by the Karaf user only. Generated on
 * first start; all nodes of a cluster must share the same file.
 */
final class SigningKeyStore {
    private SigningKeyStore() {
    }

    static RSAKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ParseException e) {
                throw new IOException("signing key file " + file + " is not an RSA JWK", e);
            }
        }
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(Ids.newId()).generate();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "jwk", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL protects the file
            }
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (JOSEException e) {
            throw new IOException("cannot generate a signing key", e);
        }
    }
}
