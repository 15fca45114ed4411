package org.pediconsult.hl7.internal.inbound;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound whiteboard: the {@link Hl7InboundProcessor}s other bundles register, by the MSH-9 types in
 * their {@value Hl7InboundProcessor#MESSAGE_TYPES} property (e.g. the pharmacy logistics bundle's
 * {@code RDS^O13}), for the inbound channels ({@link ContributedTypes}). A type claimed by two processors
 * goes to the one registered first (the other takes over when it goes away). Processors registered with
 * {@value Hl7InboundProcessor#ALSO} {@code true} are kept apart ({@link #alsoFor}): all of a type's are
 * called after the bridge's own processing of it; they never take a type over.
 */
// the component's name from before the split into packages, kept (scr:list; also its configuration PID)
@Component(name = "org.pediconsult.hl7.internal.ContributedProcessors", service = ContributedProcessors.class,
        immediate = true)
public class ContributedProcessors {
    private static final Logger LOG = LoggerFactory.getLogger(ContributedProcessors.class);

    private record Registered(Hl7InboundProcessor processor, Set<String> types) {
    }

    private final List<Registered> processors = new CopyOnWriteArrayList<>();
    private final List<Registered> also = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProcessor(Hl7InboundProcessor processor, Map<String, Object> properties) {
        Set<String> types = types(properties.get(Hl7InboundProcessor.MESSAGE_TYPES));
        if (types.isEmpty()) {
            LOG.warn("HL7 inbound processor {} ignored: it has no {} property", processor.getClass().getName(),
                    Hl7InboundProcessor.MESSAGE_TYPES);
            return;
        }
        if (isAlso(properties.get(Hl7InboundProcessor.ALSO))) {
            also.add(new Registered(processor, types));
            LOG.info("HL7 inbound: {} processes {} also", processor.getClass().getName(), types);
            return;
        }
        for (String type : types) {
            Hl7InboundProcessor other = forType(type);
            if (other != null) {
                LOG.warn("HL7 inbound processor {} for {}: {} processes that type already and keeps it",
                        processor.getClass().getName(), type, other.getClass().getName());
            }
        }
        processors.add(new Registered(processor, types));
        LOG.info("HL7 inbound: {} processes {}", processor.getClass().getName(), types);
    }

    void removeProcessor(Hl7InboundProcessor processor) {
        processors.removeIf(r -> r.processor() == processor);
        also.removeIf(r -> r.processor() == processor);
    }

    /** The "also" processors of this MSH-9 type, in registration order (empty when none). */
    List<Hl7InboundProcessor> alsoFor(String type) {
        List<Hl7InboundProcessor> out = new java.util.ArrayList<>();
        for (Registered r : also) {
            if (r.types().contains(type)) {
                out.add(r.processor());
            }
        }
        return out;
    }

    private static boolean isAlso(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(String.valueOf(value).trim());
    }

    /** The processor of this MSH-9 type ({@code RDS^O13}), or null when none is registered. */
    Hl7InboundProcessor forType(String type) {
        for (Registered r : processors) {
            if (r.types().contains(type)) {
                return r.processor();
            }
        }
        return null;
    }

    /** MSH-9 types as the channel reads them: message code ^ trigger event ({@code RDS^O13^RDS_O13} counts as {@code RDS^O13}). */
    static Set<String> types(Object value) {
        Collection<?> values = value instanceof String s ? Arrays.asList(s.split(","))
                : value instanceof String[] a ? Arrays.asList(a)
                : value instanceof Collection<?> c ? c : List.of();
        Set<String> out = new TreeSet<>();
        for (Object v : values) {
            String[] parts = String.valueOf(v).trim().split("\\^");
            if (parts.length >= 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                out.add(parts[0].trim() + "^" + parts[1].trim());
            }
        }
        return out;
    }
}
