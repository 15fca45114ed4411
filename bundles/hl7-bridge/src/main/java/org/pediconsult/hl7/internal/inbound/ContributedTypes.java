package org.pediconsult.hl7.internal.inbound;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an inbound channel runs the message types other bundles process ({@link Hl7InboundProcessor},
 * found through {@link ContributedProcessors}): for {@link MessageProcessing}, in its terms (null when
 * done, else the refusal for the negative ACK). A processor's refusal is answered AE with ERR at its
 * segment and field (code 207: a refusal names no HL7 error code) and stored as ERROR; a processor
 * that failed (RuntimeException) or went away meanwhile is {@link Unavailable} ("send
 * again later"; in STORED mode the message stays RECEIVED and is retried like one whose consultation
 * service is away).
 */
final class ContributedTypes {
    private static final Logger LOG = LoggerFactory.getLogger(ContributedTypes.class);

    private final String channel;
    private final Function<String, Hl7InboundProcessor> processors;

    /** @param processors the processor of an MSH-9 type ({@code RDS^O13}), or null */
    ContributedTypes(String channel, Function<String, Hl7InboundProcessor> processors) {
        this.channel = channel;
        this.processors = processors;
    }

    /** Whether a processor for this type is registered now. */
    boolean processes(String type) {
        return processors.apply(type) != null;
    }

    /**
     * The processor's checks, without side effects: null when the message maps, or when its processor
     * went away since {@link #processes} (it is then stored and waits for it), else the refusal.
     */
    HL7Exception validate(String type, Message message) {
        Hl7InboundProcessor processor = processors.apply(type);
        if (processor == null) {
            return null;
        }
        try {
            processor.validate(message);
            return null;
        } catch (Hl7InboundRefusal refused) {
            return refusal(refused);
        } catch (RuntimeException failed) {
            LOG.warn("channel {}: {} could not be validated ({})", channel, type, failed.getClass().getName());
            return new Unavailable(type + " could not be validated (internal error); send again later");
        }
    }

    /**
     * Validates, then processes the message and names the patients it reached on the entry
     * ({@code e.patient}). Null when processed, else the refusal, or {@link Unavailable}
     * when the processor is away or failed.
     */
    HL7Exception process(MessageStore.Entry e, Message message) {
        Hl7InboundProcessor processor = processors.apply(e.type);
        if (processor == null) {
            return new Unavailable("no service processes " + e.type + " now; send again later");
        }
        try {
            processor.validate(message);
            List<String> patients = processor.process(message, channel);
            e.patient = patients == null ? null
                    : MessageStore.patients(patients.stream().filter(Objects::nonNull).toList());
            return null;
        } catch (Hl7InboundRefusal refused) {
            return refusal(refused);
        } catch (RuntimeException failed) {
            // named by its class only, like the bridge's own processing: an exception's text may quote the message
            LOG.warn("channel {}: {} control id {} could not be processed ({})", channel, e.type, e.controlId,
                    failed.getClass().getName());
            return new Unavailable(e.type + " could not be processed (internal error, "
                    + failed.getClass().getSimpleName() + "); send again later");
        }
    }

    private static HL7Exception refusal(Hl7InboundRefusal refused) {
        return Acks.error(refused.getMessage(), ErrorCode.APPLICATION_INTERNAL_ERROR, refused.segment(),
                refused.segment() == null ? 0 : refused.field());
    }
}
