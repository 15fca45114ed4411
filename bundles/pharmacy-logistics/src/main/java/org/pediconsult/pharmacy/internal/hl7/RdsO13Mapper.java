package org.pediconsult.pharmacy.internal.hl7;

import org.pediconsult.hl7.api.segments.PatientSegments;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.RDS_O13_ORDER;
import ca.uhn.hl7v2.model.v251.message.RDS_O13;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.model.v251.segment.RXD;
import ca.uhn.hl7v2.model.v251.segment.RXR;
import ca.uhn.hl7v2.model.v251.segment.TQ1;
import ca.uhn.hl7v2.util.Terser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.dispense.DispenseReader;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.Prescriptions;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code pharmacy.dispensed} (aggregate: the dispense id) to RDS^O13 (HL7 v2.5.1) for the HIS/EMR. The
 * event carries ids only: the dispense, its prescription and the consultation are read as they are now,
 * audited as {@code hl7:outbound}.
 *
 * <p>MSH-9 {@code RDS^O13^RDS_O13}; PID and PV1 as in the prescription bundle's RDE^O11; then one ORDER per
 * dispensed item, in HAPI's v2.5.1 order: ORC (ORC-1 {@code RE}, ORC-2 the placer order number of the
 * RDE^O11 that ordered it, {@code <prescriptionId>-<itemIndex + 1>^PEDICONSULT}, ORC-4 the prescription,
 * ORC-9 the dispense time, ORC-12 the consultation's physician), TQ1 in the group HAPI calls TIMING (the
 * prescribed dose, repeat pattern and course), RXD (RXD-1 dispense sub-id counter = item number, RXD-2
 * the product given {@code <productCode>^<productName>^PEDICONSULT}, RXD-3 when, RXD-4/5 quantity and
 * unit, RXD-7 the prescription id, RXD-10 the dispensing pharmacist's login, RXD-18 lot, RXD-19 expiry
 * date, RXD-20 manufacturer as CE text), NTE when a substitute was given (NTE-3 the reason, NTE-4
 * {@code 1R} "primary reason", table 0364; the same NTE the inbound {@link RdsO13Processor} reads), RXR
 * (the prescribed route, table 0162).
 *
 * <p>A dispense that came from the hospital pharmacy as RDS^O13 (source {@code hl7:<channel>}) is not
 * sent back: the hospital's own system made it, and echoing it could loop between the systems.
 */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.pharmacy.hl7",
        property = Hl7OutboundMapper.EVENT_TYPES + "=" + RdsO13Mapper.DISPENSED)
@Designate(ocd = PharmacyHl7Config.class)
public class RdsO13Mapper implements Hl7OutboundMapper {
    static final String SOURCE = "hl7:outbound";
    static final String DISPENSED = "pharmacy.dispensed";

    /** HL7 table 0364 comment type "primary reason": the NTE after an RXD that carries a substitution's reason. */
    static final String REASON_COMMENT = "1R";

    private final DispenseReader dispenses;
    private final Prescriptions prescriptions;
    private final InterfaceRecords records;
    private final PatientSegments segments;

    @Activate
    public RdsO13Mapper(@Reference DispenseReader dispenses, @Reference Prescriptions prescriptions,
                        @Reference InterfaceRecords records, PharmacyHl7Config config) {
        this(dispenses, prescriptions, records, ZoneId.of(config.zone()));
    }

    RdsO13Mapper(DispenseReader dispenses, Prescriptions prescriptions, InterfaceRecords records, ZoneId zone) {
        this.dispenses = dispenses;
        this.prescriptions = prescriptions;
        this.records = records;
        this.segments = new PatientSegments(zone);
    }

    @Override
    public List<OutboundMessage> map(DomainEvent event) throws Exception {
        if (!DISPENSED.equals(event.type())) {
            throw new UnmappableEventException(event.type() + " is not an event this mapper maps");
        }
        String id = event.aggregateId();
        if (id == null || id.isBlank()) {
            throw new UnmappableEventException(event.type() + " names no dispense");
        }
        String purpose = "RDS^O13 for " + event.type() + " " + event.eventId();
        DispenseDTO d = dispenses.dispense(id, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("dispense " + id + " does not exist"));
        if (d.source != null && d.source.startsWith("hl7:")) {
            return List.of();   // the hospital pharmacy's own RDS^O13: not echoed back
        }
        if (d.items == null || d.items.isEmpty()) {
            throw new UnmappableEventException("dispense " + id + " has no items");
        }
        PrescriptionDTO p = prescriptions.find(d.prescriptionId, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("prescription " + d.prescriptionId + " of dispense "
                        + id + " does not exist"));
        String consultationId = p.consultationId != null ? p.consultationId : d.consultationId;
        if (consultationId == null) {
            throw new UnmappableEventException("prescription " + p.id + " names no consultation");
        }
        ConsultationRecord r = records.consultation(consultationId, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("consultation " + consultationId + " does not exist"));
        if (r.child == null || r.consultation == null) {
            throw new UnmappableEventException("consultation " + consultationId + " has no child");
        }
        return List.of(OutboundMessage.of(r.child.id, message(d, p, r)));
    }

    private RDS_O13 message(DispenseDTO d, PrescriptionDTO p, ConsultationRecord r) throws Exception {
        RDS_O13 rds = new RDS_O13();
        rds.initQuickstart("RDS", "O13", "P");
        rds.getMSH().getMessageType().getMessageStructure().setValue("RDS_O13");
        segments.pid(rds.getPATIENT().getPID(), r.child);
        segments.pv1(rds.getPATIENT().getPATIENT_VISIT().getPV1(), r);
        for (int i = 0; i < d.items.size(); i++) {
            DispenseDTO.Item item = d.items.get(i);
            if (p.items == null || item.itemIndex < 0 || item.itemIndex >= p.items.size()) {
                throw new UnmappableEventException("dispense " + d.id + " names item " + item.itemIndex
                        + ", which prescription " + p.id + " does not have");
            }
            PrescriptionItem prescribed = p.items.get(item.itemIndex);
            RDS_O13_ORDER order = rds.getORDER(i);
            orc(order.getORC(), d, p, r, item);
            tq1(order.getTIMING().getTQ1(), prescribed);
            rxd(order.getRXD(), d, p, item, prescribed);
            String product = productCode(item, prescribed);
            if (prescribed.code != null && !prescribed.code.equals(product) && item.substitutionReason != null
                    && !item.substitutionReason.isBlank()) {
                Segment nte = order.getNTE();
                Terser.set(nte, 1, 0, 1, 1, "1");
                Terser.set(nte, 2, 0, 1, 1, "L");   // table 0105: the ancillary (the pharmacy) wrote it
                Terser.set(nte, 3, 0, 1, 1, oneLine(item.substitutionReason));
                Terser.set(nte, 4, 0, 1, 1, REASON_COMMENT);
                Terser.set(nte, 4, 0, 2, 1, "Primary Reason");
                Terser.set(nte, 4, 0, 3, 1, "HL70364");
            }
            rxr(order.getRXR(), prescribed);
        }
        return rds;
    }

    private void orc(ORC orc, DispenseDTO d, PrescriptionDTO p, ConsultationRecord r, DispenseDTO.Item item)
            throws HL7Exception {
        Terser.set(orc, 1, 0, 1, 1, "RE");
        Terser.set(orc, 2, 0, 1, 1, p.id + "-" + (item.itemIndex + 1));
        Terser.set(orc, 2, 0, 2, 1, PatientSegments.AUTHORITY);
        Terser.set(orc, 4, 0, 1, 1, p.id);
        Terser.set(orc, 4, 0, 2, 1, PatientSegments.AUTHORITY);
        Terser.set(orc, 9, 0, 1, 1, segments.ts(d.dispensedAt));
        if (r.physician != null) {
            segments.xcn(orc, 12, r.physician);
        } else if (p.physician != null) {
            segments.xcnLogin(orc, 12, p.physician);
        }
    }

    /** The course as prescribed (as in the RDE^O11): dose, repeat pattern (table 0335), duration in days. */
    private static void tq1(TQ1 tq1, PrescriptionItem item) throws HL7Exception {
        Terser.set(tq1, 1, 0, 1, 1, "1");
        if (item.dose != null) {
            Terser.set(tq1, 2, 0, 1, 1, number(item.dose));
            if (item.unit != null) {
                String[] u = ucum(item.unit);
                Terser.set(tq1, 2, 0, 2, 1, u[0]);
                Terser.set(tq1, 2, 0, 2, 2, u[1]);
                Terser.set(tq1, 2, 0, 2, 3, "UCUM");
            }
        }
        if (item.frequency != null) {
            Terser.set(tq1, 3, 0, 1, 1, "QD".equals(item.frequency) ? "Q1D" : item.frequency);
            Terser.set(tq1, 3, 0, 1, 2, item.frequency);
            Terser.set(tq1, 3, 0, 1, 3, "HL70335");
        }
        if (item.durationDays != null) {
            Terser.set(tq1, 6, 0, 1, 1, String.valueOf(item.durationDays));
            Terser.set(tq1, 6, 0, 2, 1, "d");
            Terser.set(tq1, 6, 0, 2, 2, "day");
            Terser.set(tq1, 6, 0, 2, 3, "UCUM");
        }
    }

    private void rxd(RXD rxd, DispenseDTO d, PrescriptionDTO p, DispenseDTO.Item item, PrescriptionItem prescribed)
            throws HL7Exception {
        Terser.set(rxd, 1, 0, 1, 1, String.valueOf(item.itemIndex + 1));
        String product = productCode(item, prescribed);
        String name = item.productName != null ? item.productName
                : product != null && product.equals(prescribed.code) && prescribed.name != null ? prescribed.name.en : null;
        Terser.set(rxd, 2, 0, 1, 1, product);
        Terser.set(rxd, 2, 0, 2, 1, name);
        Terser.set(rxd, 2, 0, 3, 1, PatientSegments.AUTHORITY);
        Terser.set(rxd, 3, 0, 1, 1, segments.ts(d.dispensedAt));
        Terser.set(rxd, 4, 0, 1, 1, number(item.quantity));
        Terser.set(rxd, 5, 0, 1, 1, item.quantityUnit);
        Terser.set(rxd, 7, 0, 1, 1, p.id);
        if (d.dispensedBy != null) {
            segments.xcnLogin(rxd, 10, d.dispensedBy);
        }
        Terser.set(rxd, 18, 0, 1, 1, item.lot);
        Terser.set(rxd, 19, 0, 1, 1, item.expiry == null ? null : PatientSegments.date(item.expiry));
        if (item.manufacturer != null) {
            Terser.set(rxd, 20, 0, 2, 1, oneLine(item.manufacturer));
        }
    }

    private static String productCode(DispenseDTO.Item item, PrescriptionItem prescribed) {
        if (item.productCode != null && !item.productCode.isBlank()) {
            return item.productCode;
        }
        return item.prescribedCode != null ? item.prescribedCode : prescribed.code;
    }

    private static void rxr(RXR rxr, PrescriptionItem item) throws HL7Exception {
        if (item.route == null) {
            return;
        }
        // HL7 table 0162 has TP for topical; TOP is not in it (as in the RDE^O11)
        String code = item.route == FormularyEntry.Route.TOP ? "TP" : item.route.name();
        String text = item.route == FormularyEntry.Route.PO ? "Oral"
                : item.route == FormularyEntry.Route.TOP ? "Topical" : item.route.en;
        Terser.set(rxr, 1, 0, 1, 1, code);
        Terser.set(rxr, 1, 0, 2, 1, text);
        Terser.set(rxr, 1, 0, 3, 1, "HL70162");
    }

    /** A unit as UCUM code and text, as the RDE^O11 writes it; a sachet is the UCUM annotation {@code {sachet}}. */
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
