package org.pediconsult.pharmacy.internal.delivery;

import java.sql.Connection;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.Prescriptions;

/**
 * An approved prescription gets its delivery order; a voided or expired one cancels the order not yet
 * dispensed (or recalls one dispensed but not yet sent). In the event's transaction, once per event.
 */
@Component(service = EventListener.class, property = {
        EventListener.CONSUMER + "=pharmacy-logistics",
        EventListener.TOPICS + "=pediconsult.prescription.approved",
        EventListener.TOPICS + "=pediconsult.prescription.voided",
        EventListener.TOPICS + "=pediconsult.prescription.expired"})
public class PrescriptionEvents implements EventListener {
    private final DeliveryOrders orders;
    private final Prescriptions prescriptions;

    @Activate
    public PrescriptionEvents(@Reference DeliveryOrders orders, @Reference Prescriptions prescriptions) {
        this.orders = orders;
        this.prescriptions = prescriptions;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) throws Exception {
        String actor = "system:prescription." + event.name();
        if (Prescriptions.APPROVED.equals(event.name())) {
            PrescriptionDTO p = prescriptions.find(event.aggregateId(), "pharmacy", "delivery order").orElse(null);
            if (p != null) {
                orders.approved(tx, p, actor);
            }
        } else {
            orders.prescriptionEnded(tx, event.aggregateId(), "prescription " + event.name(), actor);
        }
    }
}
