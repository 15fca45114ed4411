package org.pediconsult.platform.api.message;

/**
 * A {@link MessageSender} could not send: the gateway refused the message or could not be reached.
 *
 * @since 1.0
 */
public class MessageSendException extends Exception {
    private static final long serialVersionUID = 1L;

    public MessageSendException(String message) {
        super(message);
    }

    public MessageSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
