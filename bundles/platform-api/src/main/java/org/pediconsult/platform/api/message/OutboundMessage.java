package org.pediconsult.platform.api.message;

import java.util.Objects;

/**
 * One text to one person: the {@code id} is unique (a gateway may use it to drop a resend), the
 * {@code purpose} says what for without the content (e.g. {@code sign-up}, {@code password-reset},
 * {@code delivery}).
 *
 * @since 1.0
 */
public record OutboundMessage(String id, String channel, String to, String purpose, String text) {
    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(text, "text");
    }

    /** The number for logs: all but its last four digits masked. */
    public String maskedTo() {
        return to.length() <= 4 ? "****" : "*".repeat(to.length() - 4) + to.substring(to.length() - 4);
    }

    @Override
    public String toString() {
        return "message " + id + " (" + channel + ", " + purpose + ") to " + maskedTo();
    }
}
