package org.pediconsult.platform.api.security;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Six-digit one-time codes sent by text message ({@link org.pediconsult.platform.api.message.MessageSender})
 * to prove that a person holds a mobile number: at sign-up, to reset a password, at the door when a
 * parcel is handed over. A code is kept only as a hash, expires after five minutes (configurable), is
 * good once, and dies after five wrong tries; a new code replaces the one before. Sending is limited per
 * mobile number and per client address.
 *
 * <p>Problems: 400 {@code code_wrong} (with the tries left), 400 {@code code_expired}, 400
 * {@code code_invalid} (none, used, replaced or too many wrong tries: ask for a new one), 429 when too
 * many codes were asked for, 503 {@code no_message_sender} when no sender could send it.
 *
 * @since 1.3
 */
@ProviderType
public interface OneTimeCodes {
    /**
     * Makes a new code for {@code purpose} and {@code subject} (e.g. {@code sign-up} and the mobile number,
     * or {@code delivery} and the delivery's id) and sends it to {@code phone}; {@code text} is the message,
     * with {@code {code}} where the code goes. Answers the code's lifetime in seconds. (The limit per
     * client address is the REST layer's, for methods marked
     * {@link org.pediconsult.platform.api.rest.OneTimeCodeEndpoint}.)
     */
    int send(String purpose, String subject, String phone, String text);

    /**
     * {@link #send(String, String, String, String)} with a lifetime of its own (e.g. a parcel's code, good
     * from dispatch until the door, at most 7 days); the tries are limited all the same.
     *
     * @since 1.4
     */
    default int send(String purpose, String subject, String phone, String text, java.time.Duration lifetime) {
        throw new UnsupportedOperationException("codes with their own lifetime arrive with platform API security 1.4");
    }

    /**
     * Sends a text without a code under the same limits as {@link #send} (e.g. "this number already has an
     * account"), so that asking for a code answers alike whether or not the number is known.
     */
    int sendNotice(String purpose, String subject, String phone, String text);

    /** How long a new code is good, in seconds. */
    int lifetimeSeconds();

    /**
     * Checks a code in a transaction of its own, counting the try first (so parallel guesses cannot beat the
     * limit, and a wrong try counts whatever the caller does next). A right code is not used up yet:
     * {@link #use} does that in the caller's transaction, with the work the code allows.
     */
    Checked check(String purpose, String subject, String code);

    /** Uses up a checked code on the caller's connection (rolled back with it); 400 {@code code_invalid} when used meanwhile. */
    void use(Connection c, Checked code);

    /** A right code, not used yet. */
    final class Checked {
        private final String id;

        public Checked(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
