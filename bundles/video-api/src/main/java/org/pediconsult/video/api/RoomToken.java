package org.pediconsult.video.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed room token (a compact JWT) and when it stops being accepted for connecting. The socket
 * stays open after the token expires: the token only has to be valid when it is presented.
 *
 * @since 1.0
 */
public final class RoomToken {
    private final String token;
    private final Instant expiresAt;

    public RoomToken(String token, Instant expiresAt) {
        this.token = Objects.requireNonNull(token, "token");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The compact JWT to send as the first message on the signaling socket. */
    public String token() {
        return token;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "RoomToken[expiresAt=" + expiresAt + "]"; // never the token itself
    }
}
