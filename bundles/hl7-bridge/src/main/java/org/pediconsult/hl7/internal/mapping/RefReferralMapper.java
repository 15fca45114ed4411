package org.pediconsult.hl7.internal.mapping;

import java.time.ZoneId;
import java.util.List;

import ca.uhn.hl7v2.model.v251.message.REF_I12;
import ca.uhn.hl7v2.model.v251.segment.PRD;
import ca.uhn.hl7v2.model.v251.segment.RF1;
import ca.uhn.hl7v2.util.Terser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.platform.api.event.DomainEvent;

/**
 * {@code consultation.referred} (end-and-refer by the physician, or triage sending the child to
 * in-person care) to REF^I12: RF1 pending, priority (HL7 table 0280) S (stat) for an emergency triage or
 * an IMMEDIATE urgency, A (ASAP) for a triage urgency within 24 or 72 hours, else R; referral type
 * (table 0281) PSY for a mental health destination, else MED; the
 * consultation id as the originating referral id, the reason; PRD RP the referring physician (when
 * there is one) and PRD RT the facility referred to; NTE the reason in full.
 */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.hl7.mapping",
        property = Hl7OutboundMapper.EVENT_TYPES + "=consultation.referred")
public class RefReferralMapper extends ConsultationMapper {
    @Activate
    public RefReferralMapper(@Reference InterfaceRecords records, MappingConfig config) {
        super(records, ZoneId.of(config.zone()));
    }

    @Override
    List<OutboundMessage> map(DomainEvent event, ConsultationRecord r) throws Exception {
        REF_I12 ref = new REF_I12();
        ref.initQuickstart("REF", "I12", "P");
        ref.getMSH().getMessageType().getMessageStructure().setValue("REF_I12");
        boolean emergency = (r.consultation.triage != null && "EMERGENCY".equals(r.consultation.triage.level))
                || "IMMEDIATE".equals(r.consultation.referralUrgency);
        boolean soon = "WITHIN_24_HOURS".equals(r.consultation.referralUrgency)
                || "WITHIN_72_HOURS".equals(r.consultation.referralUrgency);
        boolean psychiatric = "MENTAL_HEALTH_SERVICE".equals(r.consultation.referralDestination);
        String reason = r.consultation.referralReason;
        if ((reason == null || reason.isBlank()) && r.consultation.triage != null && r.consultation.triage.advice != null) {
            reason = r.consultation.triage.advice.zh;
        }
        RF1 rf1 = ref.getRF1();
        Terser.set(rf1, 1, 0, 1, 1, "P");
        Terser.set(rf1, 1, 0, 2, 1, "Pending");
        Terser.set(rf1, 2, 0, 1, 1, emergency ? "S" : soon ? "A" : "R");
        Terser.set(rf1, 2, 0, 2, 1, emergency ? "STAT" : soon ? "ASAP" : "Routine");
        Terser.set(rf1, 3, 0, 1, 1, psychiatric ? "PSY" : "MED");
        Terser.set(rf1, 3, 0, 2, 1, psychiatric ? "Psychiatric" : "Medical");
        Terser.set(rf1, 5, 0, 1, 1, "IP");
        Terser.set(rf1, 5, 0, 2, 1, "In-person care");
        Terser.set(rf1, 6, 0, 1, 1, r.consultation.id);
        Terser.set(rf1, 6, 0, 2, 1, AUTHORITY);
        Terser.set(rf1, 7, 0, 1, 1, ts(event.occurredAt()));
        Terser.set(rf1, 10, 0, 1, 1, r.physician == null ? "TRIAGE" : "REMOTE_UNSUITABLE");
        Terser.set(rf1, 10, 0, 2, 1, reason == null ? "" : firstLine(reason, 199));
        int provider = 0;
        if (r.physician != null) {
            PRD rp = ref.getPROVIDER_CONTACT(provider++).getPRD();
            Terser.set(rp, 1, 0, 1, 1, "RP");
            Terser.set(rp, 2, 0, 1, 1, r.physician.familyName);
            Terser.set(rp, 2, 0, 2, 1, r.physician.givenName);
            Terser.set(rp, 7, 0, 1, 1, r.physician.licenceNumber);
            Terser.set(rp, 7, 0, 2, 1, "MD");
            Terser.set(rp, 4, 0, 4, 1, r.physician.institution);   // PRD-4 location: facility
        }
        PRD rt = ref.getPROVIDER_CONTACT(provider).getPRD();
        Terser.set(rt, 1, 0, 1, 1, "RT");
        Terser.set(rt, 4, 0, 4, 1, r.consultation.referralFacility == null ? "" : r.consultation.referralFacility);
        pid(ref.getPID(), r.child);
        if (r.guardian != null) {
            nk1(ref.getNK1(), r.guardian, r.guardianRelationship);
        }
        pv1(ref.getPATIENT_VISIT().getPV1(), r);
        if (reason != null && !reason.isBlank()) {
            Terser.set(ref.getNTE(), 1, 0, 1, 1, "1");
            Terser.set(ref.getNTE(), 3, 0, 1, 1, reason.replaceAll("[\\r\\n]+", " "));
        }
        return List.of(OutboundMessage.of(r.child.id, ref));
    }

    private static String firstLine(String s, int max) {
        String line = s.split("[\\r\\n]", 2)[0];
        return line.length() <= max ? line : line.substring(0, max);
    }
}
