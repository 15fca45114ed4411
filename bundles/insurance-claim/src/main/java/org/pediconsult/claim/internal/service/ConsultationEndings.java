package org.pediconsult.claim.internal.service;

import java.sql.Connection;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;

/** A consultation that ended gets its claim (qualified or not, with the reasons), in the event's transaction. */
@Component(service = EventListener.class, property = {
        EventListener.CONSUMER + "=claim",
        EventListener.TOPICS + "=pediconsult.consultation.completed",
        EventListener.TOPICS + "=pediconsult.consultation.referred",
        EventListener.TOPICS + "=pediconsult.consultation.cancelled",
        EventListener.TOPICS + "=pediconsult.consultation.no-show"})
public class ConsultationEndings implements EventListener {
    private final ClaimService claims;

    @Activate
    public ConsultationEndings(@Reference ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) throws Exception {
        if (event.aggregateId() != null) {
            claims.consultationEnded(tx, event.aggregateId(), "system:consultation." + event.name());
        }
    }
}
