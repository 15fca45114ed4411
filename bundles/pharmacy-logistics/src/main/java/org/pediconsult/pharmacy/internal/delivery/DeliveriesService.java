package org.pediconsult.pharmacy.internal.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.Deliveries;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.dispense.DispensingService;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * A consultation's dispensing and delivery: for its physician's timeline, its family's tracking, auditors;
 * and the {@link Deliveries} interface reads for other bundles.
 */
@Component(service = {DeliveriesService.class, Deliveries.class})
public class DeliveriesService implements Deliveries {
    private final DeliveryOrders orders;
    private final DispensingService dispensing;
    private final InterfaceRecords consultations;
    private final ChildRecords children;
    private final AuditTrail audit;

    @Activate
    public DeliveriesService(@Reference DeliveryOrders orders, @Reference DispensingService dispensing,
                             @Reference InterfaceRecords consultations, @Reference ChildRecords children,
                             @Reference AuditTrail audit) {
        this.orders = orders;
        this.dispensing = dispensing;
        this.consultations = consultations;
        this.children = children;
        this.audit = audit;
    }

    /** {dispenses, deliveries}: the consultation's physician, a guardian of the child, auditors, administrators; others 404. */
    public Map<String, Object> ofConsultation(AuthenticatedUser user, String consultationId) {
        ConsultationRecord k = consultations.consultation(consultationId, "pharmacy", "dispensing and delivery of a consultation")
                .orElseThrow(() -> ProblemException.notFound("consultation"));
        boolean physician = user.has(Role.PHYSICIAN) && k.physician != null && k.physician.username != null
                && k.physician.username.equalsIgnoreCase(user.username());
        boolean guardian = user.has(Role.GUARDIAN) && children.isGuardian(user, k.child.id);
        if (!physician && !guardian && !user.has(Role.AUDITOR) && !user.has(Role.INTEGRATION_ADMIN)) {
            throw ProblemException.notFound("consultation");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dispenses", dispensing.ofConsultation(consultationId));
        out.put("deliveries", orders.ofConsultation(consultationId));
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "consultation-deliveries", consultationId,
                k.child.id, null));
        return out;
    }

    @Override
    public List<DispenseDTO> dispensesOfConsultation(String consultationId, String source, String purpose) {
        List<DispenseDTO> list = dispensing.ofConsultation(consultationId);
        audit.record(new AuditEntry(source, AuditEntry.Action.READ, "dispense-list", consultationId, null, purpose));
        return list;
    }

    @Override
    public List<DeliveryDTO> deliveriesOfConsultation(String consultationId, String source, String purpose) {
        List<DeliveryDTO> list = orders.ofConsultation(consultationId);
        audit.record(new AuditEntry(source, AuditEntry.Action.READ, "delivery-list", consultationId, null, purpose));
        return list;
    }
}
