package org.pediconsult.platform.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How often one client may do one kind of thing: log in, call the REST API, sign in to a video room,
 * open an HL7 connection. Each kind has its own limits per key (a client address, or an account name),
 * configured in {@code etc/org.pediconsult.ratelimit.cfg}; a refused call is answered 429 with
 * {@code Retry-After} (REST), closed (WebSocket, MLLP), and audited by the caller.
 *
 * @since 1.2
 */
@ProviderType
public interface RateLimits {
    /** Logins ({@code POST /api/auth/token}), keyed by client address and by user name. */
    String LOGIN = "login";
    /** Authenticated REST calls, keyed by client address and by account. */
    String API = "api";
    /** Video room sign-ins (the signaling socket's {@code auth}), keyed by client address. */
    String ROOM_SIGN_IN = "room-sign-in";
    /** New HL7 (MLLP) connections, keyed by the sender's address. */
    String HL7_CONNECTION = "hl7-connection";
    /**
     * One-time codes asked for or checked ({@code @OneTimeCodeEndpoint}), keyed by client address and by
     * mobile number or subject ({@link #ACCOUNT_KEY_PREFIX}). @since 1.3
     */
    String ONE_TIME_CODE = "one-time-code";
    /**
     * Prefix of a key that names an account ({@code "account:" + user name}, trimmed and lower-cased);
     * any other key is a client address. Accounts and addresses have separate limits, so a user name
     * that looks like an address never draws on that address's permits.
     */
    String ACCOUNT_KEY_PREFIX = "account:";

    /**
     * Takes one permit of {@code kind} for {@code key}. A kind with no limits configured always admits.
     *
     * @return whether the call may go on, and when refused, how long the client should wait
     */
    Admission admit(String kind, String key);

    /** The answer of {@link #admit}: allowed, or refused with the seconds to wait (at least 1). */
    final class Admission {
        private static final Admission ALLOWED = new Admission(true, 0);
        private final boolean allowed;
        private final long retryAfterSeconds;

        private Admission(boolean allowed, long retryAfterSeconds) {
            this.allowed = allowed;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public static Admission allowed() {
            return ALLOWED;
        }

        public static Admission refused(long retryAfterSeconds) {
            return new Admission(false, Math.max(1, retryAfterSeconds));
        }

        public boolean isAllowed() {
            return allowed;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
