package org.pediconsult.hl7.internal.inbound;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.apache.camel.component.netty.ChannelHandlerFactory;

/**
 * Closes a connection that sends nothing for the configured time, so a frame whose end block never
 * comes (or a half-open socket) does not hold a connection forever; the sender reconnects and
 * sends again, and nothing was acknowledged.
 */
final class ReadTimeout extends ChannelHandlerAdapter implements ChannelHandlerFactory {
    private final int seconds;

    ReadTimeout(int seconds) {
        this.seconds = seconds;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new ReadTimeoutHandler(seconds);
    }
}
