package org.pediconsult.claim.internal.service;

import java.sql.Connection;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drug lines: a dispense of a consultation's prescription ({@code pediconsult.pharmacy.dispensed}, from
 * pharmacy-logistics when it is installed) is priced once (the dispense id is the key: the same dispense is never
 * charged twice) and charged as a new claim version, or waits for the consultation's claim (none yet, or its claim
 * rejected and awaiting resubmission). A new claim version ({@code claim.qualified}, {@code claim.ineligible}) takes
 * the drugs that were waiting when it came too late to take them itself.
 */
@Component(service = EventListener.class, property = {
        EventListener.CONSUMER + "=claim-drugs",
        EventListener.TOPICS + "=pediconsult.pharmacy.dispensed",
        EventListener.TOPICS + "=pediconsult.claim.qualified",
        EventListener.TOPICS + "=pediconsult.claim.ineligible"})
public class DrugDispenses implements EventListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ClaimService claims;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DispenseSource dispenses;

    @Activate
    public DrugDispenses(@Reference ClaimService claims) {
        this.claims = claims;
    }

    /** For tests. */
    DrugDispenses(ClaimService claims, DispenseSource dispenses) {
        this.claims = claims;
        this.dispenses = dispenses;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) throws Exception {
        JsonNode data = JSON.readTree(event.dataJson() == null ? "{}" : event.dataJson());
        String consultationId = data.path("consultationId").asText(null);
        if (consultationId == null) {
            return;
        }
        if (!"dispensed".equals(event.name())) {
            claims.chargeWaitingDrugs(tx, consultationId, "system:claim-drugs");
            return;
        }
        String dispenseId = data.path("dispenseId").asText(event.aggregateId());
        if (claims.dispenseRecorded(tx, dispenseId)) {
            return; // charged (or waiting) already
        }
        DispenseSource source = dispenses;
        if (source == null) {
            throw new IllegalStateException("dispense " + dispenseId + ": pharmacy-logistics is not available, delivered again later");
        }
        Dispensed d = source.dispense(consultationId, dispenseId)
                .orElseThrow(() -> new IllegalStateException("dispense " + dispenseId + " of consultation " + consultationId + " not found"));
        claims.dispensed(tx, d, "system:pharmacy.dispensed");
    }
}
