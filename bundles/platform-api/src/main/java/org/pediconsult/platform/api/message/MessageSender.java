package org.pediconsult.platform.api.message;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends a short text to a person, today an SMS to a mobile number: a hospital registers its gateway as
 * an OSGi service of this type (a whiteboard), with the service property {@code channel=sms}. When
 * several are registered, the one with the highest {@code service.ranking} is tried first and the next
 * one only when it fails. The embedded mode ships a development inbox (the texts land in the database,
 * readable by INTEGRATION_ADMIN at {@code GET /api/dev-inbox} and in the UI) that production removes
 * ({@code etc/org.pediconsult.devinbox.cfg}).
 *
 * <p>An implementation must not log the text (it holds one-time codes) nor the number in full.
 *
 * @since 1.0
 */
@ConsumerType
public interface MessageSender {
    /** The service property naming the channel a sender serves. */
    String CHANNEL = "channel";
    /** The SMS channel: {@link OutboundMessage#to()} is a mobile number. */
    String SMS = "sms";
    /** The service property naming a sender for people (e.g. "development inbox"), shown in health. */
    String NAME = "sender.name";
    /** Service property {@code development=true}: the texts reach no phone (health reports it outside demo mode). */
    String DEVELOPMENT = "development";

    /**
     * Sends the message, or throws when the gateway refused it or could not be reached; it must not
     * block for more than a few seconds.
     */
    void send(OutboundMessage message) throws MessageSendException;
}
