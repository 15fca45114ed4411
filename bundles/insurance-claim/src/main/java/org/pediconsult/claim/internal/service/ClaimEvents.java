package org.pediconsult.claim.internal.service;

import java.sql.Connection;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A qualified claim is submitted through its payer's adapter (an unreachable insurer: the event comes back
 * later; no adapter for the payer: it waits for billing); the HL7 bridge's delivery outcome of a DFT^P03
 * ({@code hl7.outbound-acknowledged}: AA/CA accepted, anything else rejected with the insurer's text) answers it.
 */
@Component(service = EventListener.class, property = {
        EventListener.CONSUMER + "=claim-submission",
        EventListener.TOPICS + "=pediconsult.claim.qualified",
        EventListener.TOPICS + "=pediconsult.hl7.outbound-acknowledged"})
public class ClaimEvents implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ClaimWorkflow workflow;

    @Activate
    public ClaimEvents(@Reference ClaimWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) throws Exception {
        if ("qualified".equals(event.name())) {
            try {
                workflow.submit(event.aggregateId(), "system:claim-submission");
            } catch (ProblemException e) {
                if (e.status() == 503) {
                    throw e; // the insurer is unreachable: delivered again later
                }
                LOG.info("claim {} not submitted: {}", event.aggregateId(), e.code());
            }
            return;
        }
        JsonNode data = JSON.readTree(event.dataJson());
        if (!"claim.submitted".equals(data.path("sourceEventType").asText())) {
            return;
        }
        String ack = data.path("ackCode").asText("");
        boolean accepted = "SENT".equals(data.path("outcome").asText()) && ("AA".equals(ack) || "CA".equals(ack));
        String error = data.path("error").asText("");
        workflow.answered(tx, data.path("sourceAggregateId").asText(), accepted,
                accepted ? List.of() : List.of(error.isBlank() ? "rejected by the insurer (" + ack + ")" : error),
                "insurer:" + data.path("channel").asText());
    }
}
