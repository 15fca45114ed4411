package org.pediconsult.video.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified room token says: who may join which consultation's call, in which role.
 *
 * @since 1.0
 */
public final class RoomClaims {
    private final String consultationId;
    private final RoomRole role;
    private final String username;
    private final Instant expiresAt;

    public RoomClaims(String consultationId, RoomRole role, String username, Instant expiresAt) {
        this.consultationId = Objects.requireNonNull(consultationId, "consultationId");
        this.role = Objects.requireNonNull(role, "role");
        this.username = Objects.requireNonNull(username, "username");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String consultationId() {
        return consultationId;
    }

    public RoomRole role() {
        return role;
    }

    public String username() {
        return username;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "RoomClaims[" + consultationId + " " + role + " " + username + "]";
    }
}
