package org.pediconsult.platform.internal.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pediconsult.platform.api.message.MessageSendException;
import org.pediconsult.platform.api.message.MessageSender;
import org.pediconsult.platform.api.message.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageSender} whiteboard: every sender registered for a channel, tried by
 * {@code service.ranking} (highest first) until one sends. Senders come and go at run time (a hospital
 * installs its SMS gateway bundle) without restarting anything here.
 */
@Component(service = MessageSenders.class)
public class MessageSenders {
    private static final Logger LOG = LoggerFactory.getLogger(MessageSenders.class);

    record Registered(MessageSender sender, String channel, String name, boolean development, int ranking) {
    }

    private final List<Registered> senders = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSender(MessageSender sender, Map<String, Object> props) {
        Object ranking = props.get(Constants.SERVICE_RANKING);
        senders.add(new Registered(sender, String.valueOf(props.getOrDefault(MessageSender.CHANNEL, MessageSender.SMS)),
                String.valueOf(props.getOrDefault(MessageSender.NAME, sender.getClass().getSimpleName())),
                Boolean.parseBoolean(String.valueOf(props.getOrDefault(MessageSender.DEVELOPMENT, "false"))),
                ranking instanceof Integer ? (Integer) ranking : 0));
    }

    void removeSender(MessageSender sender) {
        senders.removeIf(r -> r.sender() == sender);
    }

    /** The senders of a channel, best first. */
    List<Registered> of(String channel) {
        List<Registered> out = new ArrayList<>();
        for (Registered r : senders) {
            if (r.channel().equals(channel)) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingInt(Registered::ranking).reversed());
        return out;
    }

    /** Sends through the first sender of the message's channel that succeeds; false when none did (or none is there). */
    public boolean send(OutboundMessage message) {
        for (Registered r : of(message.channel())) {
            try {
                r.sender().send(message);
                return true;
            } catch (MessageSendException | RuntimeException e) {
                LOG.warn("{} could not send {}: {}", r.name(), message, e.getMessage());
            }
        }
        return false;
    }

    /** For health: the names of the channel's senders, and whether every one of them is a development sender. */
    public record Summary(List<String> names, boolean developmentOnly) {
    }

    public Summary summary(String channel) {
        List<Registered> list = of(channel);
        return new Summary(list.stream().map(Registered::name).toList(),
                !list.isEmpty() && list.stream().allMatch(Registered::development));
    }
}
