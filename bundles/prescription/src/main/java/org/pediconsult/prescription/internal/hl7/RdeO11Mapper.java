package org.pediconsult.prescription.internal.hl7;

import org.pediconsult.hl7.api.segments.PatientSegments;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.group.RDE_O11_ORDER;
import ca.uhn.hl7v2.model.v251.message.RDE_O11;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.model.v251.segment.RXE;
import ca.uhn.hl7v2.model.v251.segment.RXR;
import ca.uhn.hl7v2.model.v251.segment.TQ1;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.Prescriptions;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * Prescription events to RDE^O11 (HL7 v2.5.1) for the pharmacy system. The event carries ids only: the
 * prescription and its consultation are read as they are now, audited as {@code hl7:outbound}.
 *
 * <ul>
 * <li>{@code prescription.approved}: one message, PID and PV1, then one ORDER per item with ORC-1
 *     {@code NW};</li>
 * <li>{@code prescription.voided}: when the payload's {@code sentToPharmacy} is true, the same message
 *     with ORC-1 {@code CA} on every item and the void reason in ORC-16; otherwise nothing.</li>
 * </ul>
 *
 * <p>Each ORDER, in HAPI's v2.5.1 order: ORC (ORC-2 placer order number {@code <prescriptionId>-<n>^PEDICONSULT},
 * n = item index + 1, the same in NW and CA so the pharmacy matches them; ORC-4 placer group number the
 * prescription; ORC-9 the approval, or the void, time; ORC-12 the consultation's physician), RXE (give
 * code, dose, units, form, instructions, dispense amount and units, verifying pharmacist, prescription
 * number, total daily dose, cold-chain storage, indication), NTE (instructions in English), TQ1 in the
 * group HAPI calls TIMING_ENCODED (the RXE's timing: dose, repeat pattern, course, start and end),
 * RXR (route, HL7 table 0162).
 */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.prescription.hl7",
        property = Hl7OutboundMapper.EVENT_TYPES + "=prescription.approved,prescription.voided")
@Designate(ocd = RdeConfig.class)
public class RdeO11Mapper implements Hl7OutboundMapper {
    static final String SOURCE = "hl7:outbound";
    static final String APPROVED = "prescription." + Prescriptions.APPROVED;
    static final String VOIDED = "prescription." + Prescriptions.VOIDED;

    /** Doses per 24 h of the repeat patterns a prescription item may have. */
    static final Map<String, Integer> DOSES_PER_DAY = Map.of(
            "QD", 1, "BID", 2, "TID", 3, "QID", 4, "Q4H", 6, "Q6H", 4, "Q8H", 3, "Q12H", 2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Prescriptions prescriptions;
    private final InterfaceRecords records;
    private final PatientSegments segments;

    @Activate
    public RdeO11Mapper(@Reference Prescriptions prescriptions, @Reference InterfaceRecords records, RdeConfig config) {
        this(prescriptions, records, ZoneId.of(config.zone()));
    }

    RdeO11Mapper(Prescriptions prescriptions, InterfaceRecords records, ZoneId zone) {
        this.prescriptions = prescriptions;
        this.records = records;
        this.segments = new PatientSegments(zone);
    }

    @Override
    public List<OutboundMessage> map(DomainEvent event) throws Exception {
        String type = event.type();
        boolean cancel;
        if (APPROVED.equals(type)) {
            cancel = false;
        } else if (VOIDED.equals(type)) {
            if (!sentToPharmacy(event)) {
                return List.of();   // the pharmacy never got it: nothing to cancel
            }
            cancel = true;
        } else {
            throw new UnmappableEventException(type + " is not a prescription event this mapper maps");
        }
        String id = event.aggregateId();
        if (id == null || id.isBlank()) {
            throw new UnmappableEventException(type + " names no prescription");
        }
        String purpose = type + " " + event.eventId();
        PrescriptionDTO p = prescriptions.find(id, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("prescription " + id + " does not exist"));
        if (!cancel) {
            if (p.state == PrescriptionState.DRAFT || p.state == PrescriptionState.AWAITING_REVIEW
                    || p.state == PrescriptionState.REJECTED) {
                throw new UnmappableEventException("prescription " + id + " was never approved (" + p.state + ")");
            }
            if (p.state == PrescriptionState.VOIDED && !p.sentToPharmacy) {
                return List.of();   // voided before it went out; no CA will follow, so no NW either
            }
        }
        if (p.items == null || p.items.isEmpty()) {
            throw new UnmappableEventException("prescription " + id + " has no items");
        }
        if (p.consultationId == null) {
            throw new UnmappableEventException("prescription " + id + " names no consultation");
        }
        ConsultationRecord r = records.consultation(p.consultationId, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("consultation " + p.consultationId + " does not exist"));
        if (r.child == null || r.consultation == null) {
            throw new UnmappableEventException("consultation " + p.consultationId + " has no child");
        }
        return List.of(OutboundMessage.of(r.child.id, message(event, p, r, cancel)));
    }

    private static boolean sentToPharmacy(DomainEvent event) throws UnmappableEventException {
        try {
            JsonNode data = JSON.readTree(event.dataJson());
            return data != null && data.path("sentToPharmacy").asBoolean(false);
        } catch (JsonProcessingException e) {
            throw new UnmappableEventException(event.type() + " " + event.eventId() + ": payload is not JSON");
        }
    }

    private RDE_O11 message(DomainEvent event, PrescriptionDTO p, ConsultationRecord r, boolean cancel) throws Exception {
        RDE_O11 rde = new RDE_O11();
        rde.initQuickstart("RDE", "O11", "P");
        rde.getMSH().getMessageType().getMessageStructure().setValue("RDE_O11");
        segments.pid(rde.getPATIENT().getPID(), r.child);
        segments.pv1(rde.getPATIENT().getPATIENT_VISIT().getPV1(), r);

        Instant approvedAt = p.reviewedAt != null ? p.reviewedAt : (cancel ? null : event.occurredAt());
        Instant transaction = cancel ? (p.voidedAt != null ? p.voidedAt : event.occurredAt()) : approvedAt;
        for (int i = 0; i < p.items.size(); i++) {
            RDE_O11_ORDER order = rde.getORDER(i);
            PrescriptionItem item = p.items.get(i);
            orc(order.getORC(), p, r, i, cancel, transaction);
            rxe(order.getRXE(), p, item);
            if (item.instructions != null && item.instructions.en != null && !item.instructions.en.isBlank()) {
                NTE nte = order.getNTE();
                Terser.set(nte, 1, 0, 1, 1, "1");
                Terser.set(nte, 2, 0, 1, 1, "P");
                Terser.set(nte, 3, 0, 1, 1, oneLine(item.instructions.en));
            }
            tq1(order.getTIMING_ENCODED().getTQ1(), item, approvedAt);
            rxr(order.getRXR(), item);
        }
        return rde;
    }

    private void orc(ORC orc, PrescriptionDTO p, ConsultationRecord r, int index, boolean cancel, Instant at)
            throws HL7Exception {
        Terser.set(orc, 1, 0, 1, 1, cancel ? "CA" : "NW");
        Terser.set(orc, 2, 0, 1, 1, p.id + "-" + (index + 1));
        Terser.set(orc, 2, 0, 2, 1, PatientSegments.AUTHORITY);
        Terser.set(orc, 4, 0, 1, 1, p.id);
        Terser.set(orc, 4, 0, 2, 1, PatientSegments.AUTHORITY);
        Terser.set(orc, 9, 0, 1, 1, segments.ts(at));
        if (r.physician != null) {
            segments.xcn(orc, 12, r.physician);
        } else if (p.physician != null) {
            segments.xcnLogin(orc, 12, p.physician);
        }
        if (cancel && p.voidReason != null && !p.voidReason.isBlank()) {
            Terser.set(orc, 16, 0, 2, 1, oneLine(p.voidReason));
        }
    }

    private void rxe(RXE rxe, PrescriptionDTO p, PrescriptionItem item) throws HL7Exception {
        // RXE-1 (TQ) stays empty: v2.5.1 carries the timing in TQ1.
        Terser.set(rxe, 2, 0, 1, 1, item.code);
        Terser.set(rxe, 2, 0, 2, 1, item.name == null ? "" : item.name.en);
        Terser.set(rxe, 2, 0, 3, 1, PatientSegments.AUTHORITY);
        Terser.set(rxe, 3, 0, 1, 1, number(item.dose));
        units(rxe, 5, 1, item.unit);
        Terser.set(rxe, 6, 0, 2, 1, item.form);
        if (item.instructions != null && item.instructions.zh != null && !item.instructions.zh.isBlank()) {
            Terser.set(rxe, 7, 0, 2, 1, oneLine(item.instructions.zh));
        }
        Terser.set(rxe, 10, 0, 1, 1, number(item.quantity));
        Terser.set(rxe, 11, 0, 1, 1, item.quantityUnit);
        if (p.reviewedBy != null) {
            segments.xcnLogin(rxe, 14, p.reviewedBy);
        }
        Terser.set(rxe, 15, 0, 1, 1, p.id);
        Integer perDay = item.frequency == null ? null : DOSES_PER_DAY.get(item.frequency);
        if (perDay != null && item.dose != null) {
            Terser.set(rxe, 19, 0, 1, 1,
                    BigDecimal.valueOf(item.dose).multiply(BigDecimal.valueOf(perDay)).stripTrailingZeros().toPlainString());
            units(rxe, 19, 2, item.unit);
        }
        if (item.storage == FormularyEntry.Storage.COLD_2_8) {
            Terser.set(rxe, 21, 0, 1, 1, "COLD_2_8");
            Terser.set(rxe, 21, 0, 2, 1, "2-8 °C");
            Terser.set(rxe, 21, 0, 3, 1, PatientSegments.AUTHORITY);
        }
        if (p.diagnosis != null && !p.diagnosis.isBlank()) {
            Terser.set(rxe, 27, 0, 2, 1, oneLine(p.diagnosis));
        }
    }

    private void tq1(TQ1 tq1, PrescriptionItem item, Instant start) throws HL7Exception {
        Terser.set(tq1, 1, 0, 1, 1, "1");
        if (item.dose != null) {
            Terser.set(tq1, 2, 0, 1, 1, number(item.dose));
            units(tq1, 2, 2, item.unit);
        }
        if (item.frequency != null) {
            Terser.set(tq1, 3, 0, 1, 1, repeatPattern(item.frequency));
            Terser.set(tq1, 3, 0, 1, 2, item.frequency);
            Terser.set(tq1, 3, 0, 1, 3, "HL70335");
        }
        if (item.durationDays != null) {
            Terser.set(tq1, 6, 0, 1, 1, String.valueOf(item.durationDays));
            Terser.set(tq1, 6, 0, 2, 1, "d");
            Terser.set(tq1, 6, 0, 2, 2, "day");
            Terser.set(tq1, 6, 0, 2, 3, "UCUM");
        }
        if (start != null) {
            Terser.set(tq1, 7, 0, 1, 1, segments.ts(start));
            if (item.durationDays != null) {
                Terser.set(tq1, 8, 0, 1, 1, segments.ts(start.atZone(segments.zone()).plusDays(item.durationDays).toInstant()));
            }
        }
    }

    private static void rxr(RXR rxr, PrescriptionItem item) throws HL7Exception {
        if (item.route == null) {
            return;
        }
        switch (item.route) {
            case PO:
                route(rxr, "PO", "Oral");
                break;
            case TOP:
                route(rxr, "TP", "Topical");   // HL7 table 0162 has TP for topical; TOP is not in it
                break;
            default:
                route(rxr, item.route.name(), item.route.en);
        }
    }

    private static void route(RXR rxr, String code, String text) throws HL7Exception {
        Terser.set(rxr, 1, 0, 1, 1, code);
        Terser.set(rxr, 1, 0, 2, 1, text);
        Terser.set(rxr, 1, 0, 3, 1, "HL70162");
    }

    /**
     * Table 0335 writes "once a day" as Q1D; the other patterns a prescription item may have (BID, TID,
     * QID, Q4H, Q6H, Q8H, Q12H) are 0335 codes as they are.
     */
    static String repeatPattern(String frequency) {
        return "QD".equals(frequency) ? "Q1D" : frequency;
    }

    /**
     * A unit as CE (or as the CE component {@code component} of a CQ, in subcomponents): UCUM code,
     * text, UCUM. A sachet is the UCUM annotation {@code {sachet}}.
     */
    private static void units(ca.uhn.hl7v2.model.Segment segment, int field, int component, FormularyEntry.Unit unit)
            throws HL7Exception {
        if (unit == null) {
            return;
        }
        String[] u = ucum(unit);
        if (component == 1) {
            Terser.set(segment, field, 0, 1, 1, u[0]);
            Terser.set(segment, field, 0, 2, 1, u[1]);
            Terser.set(segment, field, 0, 3, 1, "UCUM");
        } else {
            Terser.set(segment, field, 0, component, 1, u[0]);
            Terser.set(segment, field, 0, component, 2, u[1]);
            Terser.set(segment, field, 0, component, 3, "UCUM");
        }
    }

    static String[] ucum(FormularyEntry.Unit unit) {
        switch (unit) {
            case MG: return new String[] {"mg", "milligram"};
            case MICROGRAM: return new String[] {"ug", "microgram"};
            case IU: return new String[] {"[iU]", "international unit"};
            case ML: return new String[] {"mL", "milliliter"};
            case G: return new String[] {"g", "gram"};
            case SACHET: return new String[] {"{sachet}", "sachet"};
            default: return new String[] {unit.name(), unit.name().toLowerCase(java.util.Locale.ROOT)};
        }
    }

    private static String number(Double d) {
        return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").trim();
    }
}
