package org.pediconsult.platform.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files under Karaf's data folder (token signing keys, room keys): written whole or not at all
 * (temporary file, then an atomic move) and readable by the Karaf user only.
 *
 * @since 1.1
 */
public final class SecretFiles {
    private SecretFiles() {
    }

    /** Writes {@code text} to {@code file} atomically with owner-only permissions (POSIX; elsewhere the folder's ACL). */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL protects the file
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
