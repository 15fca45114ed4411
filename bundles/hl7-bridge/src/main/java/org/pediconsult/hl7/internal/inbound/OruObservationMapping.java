package org.pediconsult.hl7.internal.inbound;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.XCN;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.consultation.api.dto.ObservationDTO;

/**
 * ORU R01 (read into the 2.5.1 model) to one {@link HisObservationReport} per PATIENT_RESULT group:
 * PID-3 as ADT gives it ({@code authority^id}); from every ORDER_OBSERVATION its OBR (order number
 * OBR-3, else OBR-2; service OBR-4; OBR-7; ordering provider OBR-16) and from every OBSERVATION its
 * OBX (1 set id, 2 value type, 3 code, 4 sub-id, 5 value, 6 units, 7 range, 8 flags, 11 status,
 * 14 time falling back to OBR-7, 15/23 performer); OBX-5 as {@link ObxValue} reads it. What is
 * missing or malformed (not merely unusual) is reported with
 * its segment, occurrence in the message and field, for the ERR segment of the negative ACK.
 */
final class OruObservationMapping {
    static final String EVENT = "ORU^R01";
    /** Pilot hospitals' local time, for times that carry no offset (neither they nor MSH-7). */
    static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Shanghai");

    /** A field the mapping needs that is missing or malformed, with its HL7 location. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String segment;
        final int occurrence;
        final int field;
        final ErrorCode code;

        Invalid(String segment, int occurrence, int field, ErrorCode code, String text) {
            super(text);
            this.segment = segment;
            this.occurrence = occurrence;
            this.field = field;
            this.code = code;
        }

        /** The refusal for the negative ACK: ERR-2 segment ^ occurrence ^ field. */
        HL7Exception toHl7() {
            HL7Exception e = Acks.error(getMessage(), code, segment, field);
            e.setSegmentRepetition(occurrence);
            return e;
        }
    }

    /** Occurrences of PID, OBR and OBX so far: ERR-2.2 counts a segment's occurrences in the message. */
    private int pids;
    private int obrs;
    private int obxs;

    /** Not thread-safe (occurrence counters): one instance per message. */
    List<HisObservationReport> map(Message message) throws HL7Exception, Invalid {
        if (!(message instanceof ORU_R01 oru)) {
            throw new Invalid("MSH", 1, 9, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "MSH-9: the message does not have the ORU R01 structure");
        }
        ZoneId local = HOSPITAL_ZONE;
        if (Hl7Time.offsetOf(oru.getMSH().getDateTimeOfMessage().getTime().getValue()) != null) {
            local = Hl7Time.offsetOf(oru.getMSH().getDateTimeOfMessage().getTime().getValue());
        }
        String controlId = oru.getMSH().getMessageControlID().getValue();
        List<HisObservationReport> reports = new ArrayList<>();
        for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
            pids++;
            CX pid3 = result.getPATIENT().getPID().getPatientIdentifierList(0);
            String id = pid3.getIDNumber().getValue();
            if (blank(id)) {
                throw new Invalid("PID", pids, 3, ErrorCode.REQUIRED_FIELD_MISSING, "PID-3 (patient identifier) is required");
            }
            HisObservationReport report = new HisObservationReport();
            report.hisId = AdtPatientMapping.hisId(id, pid3.getAssigningAuthority().getNamespaceID().getValue());
            report.controlId = controlId;
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                obrs++;
                OBR obr = order.getOBR();
                for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                    OBX obx = observation.getOBX();
                    if (obx.isEmpty()) {
                        continue;
                    }
                    obxs++;
                    report.observations.add(observation(obr, obx, local));
                }
            }
            reports.add(report);
        }
        if (reports.isEmpty()) {
            throw new Invalid("PID", 1, 3, ErrorCode.REQUIRED_FIELD_MISSING, "PID-3 (patient identifier) is required");
        }
        return reports;
    }

    private ObservationDTO observation(OBR obr, OBX obx, ZoneId local) throws HL7Exception, Invalid {
        ObservationDTO o = new ObservationDTO();
        CE id = obx.getObservationIdentifier();
        o.code = trimmed(id.getIdentifier().getValue());
        o.text = trimmed(id.getText().getValue());
        o.codingSystem = trimmed(id.getNameOfCodingSystem().getValue());
        o.alternateCode = trimmed(id.getAlternateIdentifier().getValue());
        o.alternateCodingSystem = trimmed(id.getNameOfAlternateCodingSystem().getValue());
        if (o.code == null && o.alternateCode != null) {
            // only a local code (OBX-3.4..6) is sent: it is the identifier
            o.code = o.alternateCode;
            o.text = trimmed(id.getAlternateText().getValue());
            o.codingSystem = o.alternateCodingSystem;
            o.alternateCode = null;
            o.alternateCodingSystem = null;
        }
        if (o.code == null) {
            throw invalid(3, ErrorCode.REQUIRED_FIELD_MISSING, "OBX-3 (observation identifier) is required");
        }
        o.setId = trimmed(obx.getSetIDOBX().getValue());
        o.subId = trimmed(obx.getObservationSubID().encode());
        o.valueType = trimmed(obx.getValueType().getValue());
        boolean hasValue = obx.getObservationValueReps() > 0 && !obx.getObservationValue(0).isEmpty();
        if (hasValue) {
            if (o.valueType == null) {
                throw invalid(2, ErrorCode.REQUIRED_FIELD_MISSING, "OBX-2 (value type) is required when OBX-5 has a value");
            }
            o.valueType = o.valueType.toUpperCase();
            try {
                ObxValue.read(obx.getObservationValue(), o.valueType, o);
            } catch (ObxValue.BadValue bad) {
                throw invalid(5, ErrorCode.DATA_TYPE_ERROR, "OBX-5 " + bad.getMessage());
            }
        }
        CE units = obx.getUnits();
        o.units = trimmed(units.getIdentifier().getValue());
        if (o.units == null) {
            o.units = trimmed(units.getText().getValue());
        }
        o.referenceRange = trimmed(obx.getReferencesRange().getValue());
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < obx.getAbnormalFlagsReps(); i++) {
            String f = trimmed(obx.getAbnormalFlags(i).getValue());
            if (f != null) {
                flags.add(f);
            }
        }
        o.abnormalFlags = flags.isEmpty() ? null : String.join(",", flags);
        o.resultStatus = trimmed(obx.getObservationResultStatus().getValue());
        o.observedAt = time(obx.getDateTimeOfTheObservation().getTime().getValue(), "OBX", obxs, 14, local);
        if (o.observedAt == null) {
            o.observedAt = time(obr.getObservationDateTime().getTime().getValue(), "OBR", obrs, 7, local);
        }
        if (o.observedAt == null) {
            throw invalid(14, ErrorCode.REQUIRED_FIELD_MISSING, "OBX-14 (observation time) is required when OBR-7 is empty");
        }
        o.orderNumber = trimmed(obr.getFillerOrderNumber().getEntityIdentifier().getValue());
        if (o.orderNumber == null) {
            o.orderNumber = trimmed(obr.getPlacerOrderNumber().getEntityIdentifier().getValue());
        }
        o.serviceCode = trimmed(obr.getUniversalServiceIdentifier().getIdentifier().getValue());
        o.serviceText = trimmed(obr.getUniversalServiceIdentifier().getText().getValue());
        if (obr.getOrderingProviderReps() > 0) {
            o.orderingProvider = person(obr.getOrderingProvider(0));
        }
        o.performer = trimmed(obx.getPerformingOrganizationName().getOrganizationName().getValue());
        if (o.performer == null) {
            CE producer = obx.getObx15_ProducerSReference();
            o.performer = trimmed(producer.getText().getValue());
            if (o.performer == null) {
                o.performer = trimmed(producer.getIdentifier().getValue());
            }
        }
        return o;
    }

    private Instant time(String text, String segment, int occurrence, int field, ZoneId local) throws Invalid {
        try {
            return Hl7Time.parse(text, local);
        } catch (DateTimeException | NumberFormatException e) {
            throw new Invalid(segment, occurrence, field, ErrorCode.DATA_TYPE_ERROR,
                    segment + "-" + field + " is not an HL7 date/time (YYYYMMDD[HHMM[SS]][+ZZZZ])");
        }
    }

    private Invalid invalid(int field, ErrorCode code, String text) {
        return new Invalid("OBX", obxs, field, code, text + " (OBX " + obxs + " of the message)");
    }

    /** {@code family given (id)}: physicians, not patients, so it may be kept and shown. */
    private static String person(XCN x) {
        String name = String.join(" ", nz(x.getFamilyName().getSurname().getValue()), nz(x.getGivenName().getValue()))
                .trim();
        String id = trimmed(x.getIDNumber().getValue());
        String s = id == null ? name : (name + " (" + id + ")").trim();
        return s.isEmpty() ? null : s;
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
