package org.pediconsult.video.api;

/**
 * A room token that is not accepted, with the reason. The message is safe to send to the client:
 * it never contains the token.
 *
 * @since 1.0
 */
public class RoomTokenRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a token is refused. */
    public enum Reason {
        /** Not a compact JWS, or claims missing or of the wrong type. */
        MALFORMED,
        /** Not signed by this installation's room key (tampered with, or another key). */
        BAD_SIGNATURE,
        /** Past its expiry time. */
        EXPIRED,
        /** A JWT for something else than the video rooms (e.g. a REST bearer token). */
        WRONG_AUDIENCE
    }

    private final Reason reason;

    public RoomTokenRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
