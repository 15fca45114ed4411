package org.pediconsult.pharmacy.internal.dispense;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.delivery.DeliveryOrders;
import org.pediconsult.pharmacy.internal.delivery.LogisticsSettings;
import org.pediconsult.pharmacy.internal.delivery.rules.LotExpiryRule;
import org.pediconsult.pharmacy.internal.delivery.rules.SubstitutionRule;
import org.pediconsult.pharmacy.internal.store.DispenseStore;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.Prescriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dispensing: an approved, valid prescription dispensed once, by a pharmacist here or by the hospital
 * pharmacy's system (RDS^O13 inbound), item by item with product, lot, expiry, quantity, manufacturer and a
 * substitution's reason. A lot that expires before the end of the course plus the margin is refused. The
 * prescription is marked dispensed in the same transaction (single use), the delivery order moves to
 * DISPENSED, and {@code pharmacy.dispensed} goes out (RDS^O13 to the HIS/EMR).
 */
@Component(service = {DispensingService.class, InboundDispenses.class, DispenseReader.class})
public class DispensingService implements InboundDispenses, DispenseReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tx tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Prescriptions prescriptions;
    private final DeliveryOrders deliveries;
    private final LogisticsSettings settings;
    private final DispenseStore store = new DispenseStore();

    @Activate
    public DispensingService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource, @Reference Clock clock,
                             @Reference AuditTrail audit, @Reference EventOutbox outbox, @Reference Prescriptions prescriptions,
                             @Reference DeliveryOrders deliveries, @Reference LogisticsSettings settings) {
        this.tx = new Tx(dataSource);
        this.clock = clock;
        this.audit = audit;
        this.outbox = outbox;
        this.prescriptions = prescriptions;
        this.deliveries = deliveries;
        this.settings = settings;
    }

    /** A pharmacist dispenses (201); 400 fields, 422 {@code lot_expiring}, 409 {@code not_dispensable}, 404. */
    public DispenseDTO dispense(AuthenticatedUser pharmacist, DispenseRequest request) {
        if (request == null || request.prescriptionId == null || request.prescriptionId.isBlank()) {
            throw ProblemException.badField("prescriptionId", "required");
        }
        PrescriptionDTO p = prescriptions.find(request.prescriptionId, pharmacist.username(), "dispense")
                .orElseThrow(() -> ProblemException.notFound("prescription"));
        List<DispenseDTO.Item> items = checked(p, request.items);
        return record(p, items, pharmacist.username(), clock.instant(), "PEDICONSULT");
    }

    @Override
    public DispenseDTO recordInbound(String prescriptionId, List<DispenseDTO.Item> items, String dispensedBy, Instant at,
                                     String channel) throws DispenseRefused {
        String source = "hl7:" + channel;
        PrescriptionDTO p = prescriptions.find(prescriptionId, source, "RDS^O13 dispense").orElseThrow(
                () -> new DispenseRefused("no prescription " + prescriptionId + " (ORC-2 names what PediConsult sent in RDE^O11)",
                        "prescriptionId"));
        DispenseDTO existing = tx.read(c -> store.byPrescription(c, prescriptionId));
        if (existing != null) {
            if (sameLots(existing.items, items)) {
                return existing; // a resend of the same dispense
            }
            throw new DispenseRefused("prescription " + prescriptionId + " is already dispensed", "prescriptionId");
        }
        try {
            return record(p, checked(p, items), dispensedBy == null ? source : dispensedBy, at == null ? clock.instant() : at, source);
        } catch (ProblemException refused) {
            throw new DispenseRefused(refused.getMessage(), refused.field() == null ? "prescriptionId" : refused.field());
        }
    }

    @Override
    public Optional<DispenseDTO> dispense(String dispenseId, String source, String purpose) {
        DispenseDTO d = tx.read(c -> store.byId(c, dispenseId));
        if (d != null) {
            audit.record(new AuditEntry(source, AuditEntry.Action.READ, "dispense", dispenseId, d.childId, purpose));
        }
        return Optional.ofNullable(d);
    }

    public List<DispenseDTO> ofPrescription(AuthenticatedUser user, String prescriptionId) {
        DispenseDTO d = tx.read(c -> store.byPrescription(c, prescriptionId));
        if (d == null) {
            return List.of();
        }
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "dispense", d.id, d.childId, null));
        return List.of(d);
    }

    public List<DispenseDTO> ofConsultation(String consultationId) {
        return tx.read(c -> store.byConsultation(c, consultationId));
    }

    private DispenseDTO record(PrescriptionDTO p, List<DispenseDTO.Item> items, String by, Instant at, String source) {
        DispenseDTO d = new DispenseDTO();
        d.id = Ids.newId();
        d.prescriptionId = p.id;
        d.consultationId = p.consultationId;
        d.childId = p.childId;
        d.items = items;
        d.dispensedBy = by;
        d.dispensedAt = at;
        d.source = source;
        return tx.inTransaction(c -> {
            prescriptions.dispensed(c, p.id, by); // 409 not_dispensable: not approved, expired, already dispensed
            store.insert(c, d);
            deliveries.dispensed(c, p, d, by);
            outbox.append(c, outbox.newEvent("pharmacy", "dispensed", 1, d.id, json(d, source)));
            audit.record(c, new AuditEntry(by, AuditEntry.Action.CREATE, "dispense", d.id, d.childId,
                    "prescription " + p.id + " from " + source));
            return d;
        });
    }

    /** Every prescribed item once, each lot valid through the course plus the margin, substitutions with a reason. */
    private List<DispenseDTO.Item> checked(PrescriptionDTO p, List<DispenseDTO.Item> items) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (items == null || items.size() != p.items.size()) {
            throw ProblemException.badField("items", "one dispensed item for each of the prescription's " + p.items.size()
                    + " items");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(settings.zone())));
        boolean[] seen = new boolean[p.items.size()];
        boolean expiring = false;
        for (int i = 0; i < items.size(); i++) {
            DispenseDTO.Item it = items.get(i);
            String f = "items[" + i + "]";
            if (it == null || it.itemIndex < 0 || it.itemIndex >= p.items.size() || seen[it.itemIndex]) {
                errors.add(new Problem.FieldError(f + ".itemIndex", "each prescribed item (0.." + (p.items.size() - 1) + ") once"));
                continue;
            }
            seen[it.itemIndex] = true;
            PrescriptionItem prescribed = p.items.get(it.itemIndex);
            it.prescribedCode = prescribed.code;
            if (it.productCode == null || it.productCode.isBlank()) {
                it.productCode = prescribed.code;
            }
            if (it.productName == null || it.productName.isBlank()) {
                it.productName = prescribed.name == null ? prescribed.code : prescribed.name.zh;
            }
            text(errors, f + ".productCode", it.productCode, 60, true);
            text(errors, f + ".productName", it.productName, 200, true);
            text(errors, f + ".lot", it.lot, 50, true);
            text(errors, f + ".manufacturer", it.manufacturer, 100, true);
            text(errors, f + ".quantityUnit", it.quantityUnit, 20, false);
            if (it.quantity == null || !Double.isFinite(it.quantity) || it.quantity <= 0 || it.quantity > 10_000) {
                errors.add(new Problem.FieldError(f + ".quantity", "a number above 0"));
            }
            SubstitutionRule.Result sub = SubstitutionRule.check(prescribed.code, it.productCode, it.substitutionReason);
            if (!sub.passed()) {
                errors.add(new Problem.FieldError(f + ".substitutionReason", sub.messageEn() + " / " + sub.messageZh()));
            } else if (!sub.substitution()) {
                it.substitutionReason = null;
            }
            if (it.expiry == null) {
                errors.add(new Problem.FieldError(f + ".expiry", "required (YYYY-MM-DD)"));
            } else {
                int course = prescribed.durationDays == null ? 0 : prescribed.durationDays;
                LotExpiryRule.Result lot = LotExpiryRule.check(it.expiry, today, course, settings.lotExpiryMarginDays());
                if (!lot.passed()) {
                    expiring = true;
                    errors.add(new Problem.FieldError(f + ".expiry", lot.messageEn() + " / " + lot.messageZh()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw expiring && errors.stream().allMatch(e -> e.field.endsWith(".expiry"))
                    ? new ProblemException(422, "lot_expiring", errors)
                    : new ProblemException("invalid_dispense", errors);
        }
        List<DispenseDTO.Item> ordered = new ArrayList<>(items);
        ordered.sort(java.util.Comparator.comparingInt(it -> it.itemIndex));
        return ordered;
    }

    private static boolean sameLots(List<DispenseDTO.Item> a, List<DispenseDTO.Item> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return false;
        }
        for (DispenseDTO.Item x : a) {
            if (b.stream().noneMatch(y -> y != null && y.itemIndex == x.itemIndex && Objects.equals(y.lot, x.lot))) {
                return false;
            }
        }
        return true;
    }

    private static void text(List<Problem.FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "required"));
            }
        } else if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters"));
        }
    }

    private static String json(DispenseDTO d, String source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dispenseId", d.id);
        data.put("prescriptionId", d.prescriptionId);
        data.put("consultationId", d.consultationId);
        data.put("childId", d.childId);
        data.put("source", source);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
