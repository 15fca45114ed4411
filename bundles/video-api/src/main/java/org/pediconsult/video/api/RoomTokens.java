package org.pediconsult.video.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues and verifies room tokens. The caller of {@link #issue} has already decided that this user
 * may join this consultation's call in this role (the consultation bundle applies its object
 * checks); the video bundle only verifies at the socket what was issued.
 *
 * @since 1.0
 */
@ProviderType
public interface RoomTokens {
    /** A short-lived token for one consultation, one role, one user. */
    RoomToken issue(String consultationId, RoomRole role, String username);

    /**
     * The claims of a token that is well formed, signed with this installation's room key, meant for
     * the video rooms and not expired.
     *
     * @throws RoomTokenRefusedException naming the reason otherwise
     */
    RoomClaims verify(String token) throws RoomTokenRefusedException;
}
