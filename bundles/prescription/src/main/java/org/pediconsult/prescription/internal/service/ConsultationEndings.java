package org.pediconsult.prescription.internal.service;

import java.sql.Connection;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;

/**
 * A referral (at triage or by end-and-refer) or a cancellation voids every prescription of the
 * consultation that is not yet dispensed, in the event's transaction (once per event: the inbox is
 * idempotent). An approved one was sent to the pharmacy, so its void event carries
 * {@code sentToPharmacy} and the HL7 mapper sends ORC-1 CA.
 */
@Component(service = EventListener.class, property = {
        EventListener.CONSUMER + "=prescription",
        EventListener.TOPICS + "=pediconsult.consultation.referred",
        EventListener.TOPICS + "=pediconsult.consultation.cancelled"})
public class ConsultationEndings implements EventListener {
    private final PrescriptionService prescriptions;

    @Activate
    public ConsultationEndings(@Reference PrescriptionService prescriptions) {
        this.prescriptions = prescriptions;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) throws Exception {
        if (event.aggregateId() != null) {
            String reason = "referred".equals(event.name()) ? "consultation referred to in-person care" : "consultation cancelled";
            prescriptions.voidConsultation(tx, event.aggregateId(), reason, "system:consultation." + event.name());
        }
    }
}
