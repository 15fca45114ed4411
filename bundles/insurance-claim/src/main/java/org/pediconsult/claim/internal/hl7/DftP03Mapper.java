package org.pediconsult.claim.internal.hl7;

import org.pediconsult.hl7.api.segments.PatientSegments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.DFT_P03;
import ca.uhn.hl7v2.model.v251.segment.DG1;
import ca.uhn.hl7v2.model.v251.segment.EVN;
import ca.uhn.hl7v2.model.v251.segment.FT1;
import ca.uhn.hl7v2.model.v251.segment.GT1;
import ca.uhn.hl7v2.model.v251.segment.IN1;
import ca.uhn.hl7v2.util.Terser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.platform.api.event.DomainEvent;

/**
 * {@code claim.submitted} (aggregate = the claim version's id) to DFT^P03 (HL7 v2.5.1) for the insurer or the
 * hospital's billing system. The event carries ids only: the claim and its consultation are read as they are
 * now, audited as {@code hl7:outbound}. One message per claim version, in HAPI's v2.5.1 order:
 *
 * <ul>
 * <li>MSH-9 {@code DFT^P03^DFT_P03} (the bridge fills the rest of MSH); EVN-1 {@code P03}, EVN-2 now, EVN-6
 *     when the claim was submitted;</li>
 * <li>PID and PV1 as every PediConsult message writes them (PV1-19 the consultation id);</li>
 * <li>one FINANCIAL group (FT1) per line that is not self-pay, in the claim's order (self-pay lines, e.g. a
 *     delivery fee, are the family's and never sent): FT1-1 set id; FT1-2 transaction id = the line id (the
 *     insurer's idempotency key: the same claim version always carries the same ids); FT1-4 transaction date
 *     = the consultation's completion (else its scheduled, else its creation time); FT1-5 posting date = the
 *     submission; FT1-6 type (table 0017: CG, CD, AJ, CO); FT1-7 {@code itemCode^description^PEDICONSULT}
 *     (CE in 2.5.1, CWE from 2.6 on: the same components); FT1-10 quantity; FT1-11 extended amount and FT1-12
 *     unit amount as CP ({@code 30.00&CNY}: the MO quantity and denomination are CP.1's subcomponents);
 *     FT1-19 the consultation's diagnosis as CE text ({@code ^<text>}, no code: PediConsult records none);
 *     FT1-20 performed by and FT1-21 ordered by: the consultation's physician (XCN);</li>
 * <li>a drug line (a dispensed product priced from the rule set's drug catalogue) also carries <b>FT1-29</b>
 *     {@code <product code>^<name>^PEDICONSULT} (the code the pharmacy dispensed; FT1-7 then holds the insurance
 *     drug code), FT1-10 the quantity dispensed and FT1-12 the catalogue's unit price; FT1-11 is the claimed amount:
 *     quantity x price for a category A drug, the insurer's share for a category B drug (the family's share is a
 *     self-pay line, not sent);</li>
 * <li>a correction (CD credit, AJ adjustment) names the line it corrects by that line's transaction id in
 *     <b>FT1-23</b> ({@code <originalLineId>^PEDICONSULT}, EI) and, when that line is in the same message,
 *     also by its set id in FT1-31 (Transaction Reference Key, the standard's own link, but an SI: a number
 *     valid only inside one message, so it cannot carry a transaction id sent earlier). FT1-3 (Transaction
 *     Batch ID) is not used: receivers read it as a batch of transactions. This is an agreement to confirm
 *     with each insurer's interface specification;</li>
 * <li>DG1 when the consultation has a diagnosis: DG1-3 {@code ^<text>}, DG1-4 the text, DG1-5 the completion,
 *     DG1-6 {@code F} (final);</li>
 * <li>GT1, the guarantor: the guardian (the coverage's subscriber): GT1-2 the guardian's id
 *     ({@code <id>^^^PEDICONSULT}), GT1-3 the name (the subscriber as written when the guardian is not known),
 *     GT1-11 the relationship to the patient (table 0063);</li>
 * <li>one INSURANCE group (IN1) for the claim's coverage snapshot: IN1-1 {@code 1}, IN1-2 plan, IN1-3 company id,
 *     IN1-12/13 plan effective and expiration dates, IN1-16 the insured's name (the guardian, or the child when
 *     the relationship is SEL), IN1-17 the insured's relationship to the patient (table 0063), IN1-36 policy
 *     number, IN1-49 the insured's id ({@code <insuredId>^^^<region>}: the pooling region as assigning
 *     authority).</li>
 * </ul>
 *
 * <p>Unmappable (parked by the bridge for review, never retried): no claim, a claim never submitted
 * (DRAFT, QUALIFIED, INELIGIBLE), no consultation or child, no coverage, no line to send, a line without
 * id, type, item code or amount, a type outside CG/CD/AJ/CO, a correction without the line it corrects.
 */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.claim.hl7",
        property = Hl7OutboundMapper.EVENT_TYPES + "=" + DftP03Mapper.SUBMITTED)
@Designate(ocd = DftConfig.class)
public class DftP03Mapper implements Hl7OutboundMapper {
    static final String SOURCE = "hl7:outbound";
    static final String SUBMITTED = "claim.submitted";
    /** Table 0017 types a claim line may have (PY, a payment, comes from the insurer, not from us). */
    static final Set<String> TYPES = Set.of("CG", "CD", "AJ", "CO");
    static final Set<String> CORRECTIONS = Set.of("CD", "AJ");
    private static final Set<ClaimState> NEVER_SUBMITTED = EnumSet.of(ClaimState.DRAFT, ClaimState.QUALIFIED,
            ClaimState.INELIGIBLE);
    private static final Map<String, String> TABLE_0063 = Map.of("MTH", "Mother", "FTH", "Father", "GRP", "Grandparent",
            "GRD", "Guardian", "SEL", "Self", "OTH", "Other");

    private final ClaimReader claims;
    private final InterfaceRecords records;
    private final Clock clock;
    private final PatientSegments segments;
    private final String currency;

    @Activate
    public DftP03Mapper(@Reference ClaimReader claims, @Reference InterfaceRecords records, @Reference Clock clock,
                        DftConfig config) {
        this(claims, records, clock, ZoneId.of(config.zone()), config.currency());
    }

    DftP03Mapper(ClaimReader claims, InterfaceRecords records, Clock clock, ZoneId zone, String currency) {
        this.claims = claims;
        this.records = records;
        this.clock = clock;
        this.segments = new PatientSegments(zone);
        this.currency = currency;
    }

    @Override
    public List<OutboundMessage> map(DomainEvent event) throws Exception {
        if (!SUBMITTED.equals(event.type())) {
            throw new UnmappableEventException(event.type() + " is not a claim event this mapper maps");
        }
        String id = event.aggregateId();
        if (id == null || id.isBlank()) {
            throw new UnmappableEventException(event.type() + " names no claim");
        }
        if (event.dataJson() != null && event.dataJson().contains("\"transport\":\"REST\"")) {
            return List.of(); // this payer's adapter speaks REST: nothing goes out over HL7
        }
        String purpose = event.type() + " " + event.eventId();
        ClaimDTO claim = claims.claim(id, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("claim " + id + " does not exist"));
        if (claim.state == null || NEVER_SUBMITTED.contains(claim.state)) {
            throw new UnmappableEventException("claim " + id + " was never submitted (" + claim.state + ")");
        }
        if (claim.coverage == null) {
            throw new UnmappableEventException("claim " + id + " has no coverage");
        }
        List<ClaimLine> lines = new ArrayList<>();
        for (ClaimLine line : claim.lines == null ? List.<ClaimLine>of() : claim.lines) {
            if (line != null && !line.selfPay) {
                check(id, line);
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new UnmappableEventException("claim " + id + " has no line to claim (all self-pay)");
        }
        if (claim.consultationId == null) {
            throw new UnmappableEventException("claim " + id + " names no consultation");
        }
        ConsultationRecord r = records.consultation(claim.consultationId, SOURCE, purpose)
                .orElseThrow(() -> new UnmappableEventException("consultation " + claim.consultationId + " does not exist"));
        if (r.child == null || r.consultation == null) {
            throw new UnmappableEventException("consultation " + claim.consultationId + " has no child");
        }
        return List.of(OutboundMessage.of(r.child.id, message(event, claim, lines, r)));
    }

    private static void check(String claimId, ClaimLine line) throws UnmappableEventException {
        String where = "claim " + claimId + " line " + line.lineId;
        if (line.lineId == null || line.lineId.isBlank()) {
            throw new UnmappableEventException("claim " + claimId + " has a line without a transaction id");
        }
        if (line.type == null || !TYPES.contains(line.type)) {
            throw new UnmappableEventException(where + ": type " + line.type + " is not one of " + TYPES);
        }
        if (line.itemCode == null || line.itemCode.isBlank()) {
            throw new UnmappableEventException(where + " has no item code");
        }
        if (line.amount == null) {
            throw new UnmappableEventException(where + " has no amount");
        }
        if (CORRECTIONS.contains(line.type) && (line.originalLineId == null || line.originalLineId.isBlank())) {
            throw new UnmappableEventException(where + ": a " + line.type + " names no original line");
        }
    }

    private DFT_P03 message(DomainEvent event, ClaimDTO claim, List<ClaimLine> lines, ConsultationRecord r)
            throws Exception {
        DFT_P03 dft = new DFT_P03();
        dft.initQuickstart("DFT", "P03", "P");
        dft.getMSH().getMessageType().getMessageStructure().setValue("DFT_P03");
        evn(dft.getEVN(), claim);
        segments.pid(dft.getPID(), r.child);
        segments.pv1(dft.getPV1(), r);

        Instant serviceDate = r.consultation.completedAt != null ? r.consultation.completedAt
                : r.consultation.scheduledAt != null ? r.consultation.scheduledAt : r.consultation.createdAt;
        Instant posted = claim.submittedAt != null ? claim.submittedAt : event.occurredAt();
        String diagnosis = text(r.consultation.diagnosis);
        Map<String, Integer> setIds = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            setIds.put(lines.get(i).lineId, i + 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            ft1(dft.getFINANCIAL(i).getFT1(), i + 1, lines.get(i), serviceDate, posted, diagnosis, r, setIds);
        }
        if (diagnosis != null) {
            DG1 dg1 = dft.getDG1();
            Terser.set(dg1, 1, 0, 1, 1, "1");
            Terser.set(dg1, 3, 0, 2, 1, diagnosis);
            Terser.set(dg1, 4, 0, 1, 1, diagnosis);
            Terser.set(dg1, 5, 0, 1, 1, segments.ts(serviceDate));
            Terser.set(dg1, 6, 0, 1, 1, "F");
        }
        CoverageDTO coverage = claim.coverage;
        String relationship = PatientSegments.relationship(
                coverage.relationship != null ? coverage.relationship : r.guardianRelationship);
        gt1(dft.getGT1(), r, coverage, relationship);
        in1(dft.getINSURANCE(0).getIN1(), r, coverage, relationship);
        return dft;
    }

    private void evn(EVN evn, ClaimDTO claim) throws HL7Exception {
        Terser.set(evn, 1, 0, 1, 1, "P03");
        Terser.set(evn, 2, 0, 1, 1, segments.ts(clock.instant()));
        if (claim.submittedAt != null) {
            Terser.set(evn, 6, 0, 1, 1, segments.ts(claim.submittedAt));
        }
    }

    private void ft1(FT1 ft1, int setId, ClaimLine line, Instant serviceDate, Instant posted, String diagnosis,
                     ConsultationRecord r, Map<String, Integer> setIds) throws HL7Exception {
        Terser.set(ft1, 1, 0, 1, 1, String.valueOf(setId));
        Terser.set(ft1, 2, 0, 1, 1, line.lineId);
        Terser.set(ft1, 4, 0, 1, 1, segments.ts(serviceDate));
        Terser.set(ft1, 5, 0, 1, 1, segments.ts(posted));
        Terser.set(ft1, 6, 0, 1, 1, line.type);
        Terser.set(ft1, 7, 0, 1, 1, line.itemCode);
        Terser.set(ft1, 7, 0, 2, 1, text(line.description));
        Terser.set(ft1, 7, 0, 3, 1, PatientSegments.AUTHORITY);
        Terser.set(ft1, 10, 0, 1, 1, line.quantity == null ? "1" : line.quantity.stripTrailingZeros().toPlainString());
        money(ft1, 11, line.amount);
        money(ft1, 12, line.unitAmount);
        if (diagnosis != null) {
            Terser.set(ft1, 19, 0, 2, 1, diagnosis);
        }
        if (r.physician != null) {
            segments.xcn(ft1, 20, 0, r.physician);
            segments.xcn(ft1, 21, 0, r.physician);
        }
        if (line.drugCode != null) {
            Terser.set(ft1, 29, 0, 1, 1, line.drugCode);
            Terser.set(ft1, 29, 0, 2, 1, text(line.description));
            Terser.set(ft1, 29, 0, 3, 1, PatientSegments.AUTHORITY);
        }
        if (CORRECTIONS.contains(line.type)) {
            Terser.set(ft1, 23, 0, 1, 1, line.originalLineId);
            Terser.set(ft1, 23, 0, 2, 1, PatientSegments.AUTHORITY);
            Integer original = setIds.get(line.originalLineId);
            if (original != null) {
                Terser.set(ft1, 31, 0, 1, 1, String.valueOf(original));
            }
        }
    }

    /** An amount as CP: CP.1 is an MO whose subcomponents are the quantity (2 decimals) and the currency. */
    private void money(FT1 ft1, int field, BigDecimal amount) throws HL7Exception {
        if (amount == null) {
            return;
        }
        Terser.set(ft1, field, 0, 1, 1, amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
        Terser.set(ft1, field, 0, 1, 2, currency);
    }

    private static void gt1(GT1 gt1, ConsultationRecord r, CoverageDTO coverage, String relationship) throws HL7Exception {
        Terser.set(gt1, 1, 0, 1, 1, "1");
        if (r.guardian != null) {
            Terser.set(gt1, 2, 0, 1, 1, r.guardian.id);
            Terser.set(gt1, 2, 0, 4, 1, PatientSegments.AUTHORITY);
            PatientSegments.xpn(gt1, 3, r.guardian.familyName, r.guardian.givenName);
        } else {
            Terser.set(gt1, 3, 0, 1, 1, text(coverage.subscriber));
        }
        code0063(gt1, 11, relationship);
    }

    private static void in1(IN1 in1, ConsultationRecord r, CoverageDTO c, String relationship) throws HL7Exception {
        Terser.set(in1, 1, 0, 1, 1, "1");
        Terser.set(in1, 2, 0, 1, 1, c.plan);
        Terser.set(in1, 3, 0, 1, 1, c.companyId);
        Terser.set(in1, 12, 0, 1, 1, PatientSegments.date(c.validFrom));
        Terser.set(in1, 13, 0, 1, 1, PatientSegments.date(c.validTo));
        if ("SEL".equals(relationship)) {
            PatientSegments.xpn(in1, 16, r.child.familyName, r.child.givenName);
        } else if (r.guardian != null) {
            PatientSegments.xpn(in1, 16, r.guardian.familyName, r.guardian.givenName);
        } else if (c.subscriber != null) {
            Terser.set(in1, 16, 0, 1, 1, text(c.subscriber));
        }
        code0063(in1, 17, relationship);
        Terser.set(in1, 36, 0, 1, 1, c.policyNumber);
        Terser.set(in1, 49, 0, 1, 1, c.insuredId);
        Terser.set(in1, 49, 0, 4, 1, c.region);
    }

    private static void code0063(ca.uhn.hl7v2.model.Segment segment, int field, String code) throws HL7Exception {
        Terser.set(segment, field, 0, 1, 1, code);
        Terser.set(segment, field, 0, 2, 1, TABLE_0063.getOrDefault(code, ""));
        Terser.set(segment, field, 0, 3, 1, "HL70063");
    }

    /** Free text on one line, or null when empty. */
    private static String text(String s) {
        if (s == null) {
            return null;
        }
        String line = s.replaceAll("[\\r\\n]+", " ").trim();
        return line.isEmpty() ? null : line;
    }
}
