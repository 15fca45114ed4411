package org.pediconsult.hl7.internal.mapping;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import ca.uhn.hl7v2.model.v251.group.SIU_S12_RESOURCES;
import ca.uhn.hl7v2.model.v251.message.SIU_S12;
import ca.uhn.hl7v2.model.v251.segment.SCH;
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
 * Appointment events to SIU: booked S12, rescheduled S13, started and completed S14 (modified: the
 * filler status changes), cancelled S15, no-show S26. SCH-1/SCH-2 carry the consultation id, SCH-11
 * the slot's start and duration, SCH-25 the status; RGS/AIS name the specialty, AIP the physician.
 */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.hl7.mapping",
        property = Hl7OutboundMapper.EVENT_TYPES + "=consultation.booked,consultation.rescheduled,"
                + "consultation.started,consultation.completed,consultation.cancelled,consultation.no-show")
public class SiuMapper extends ConsultationMapper {
    /** Event to {trigger, SCH-25 filler status (HL7 table 0278)}. */
    private static final Map<String, String[]> EVENTS = Map.of(
            "consultation.booked", new String[] {"S12", "Booked"},
            "consultation.rescheduled", new String[] {"S13", "Booked"},
            "consultation.started", new String[] {"S14", "Started"},
            "consultation.completed", new String[] {"S14", "Complete"},
            "consultation.cancelled", new String[] {"S15", "Cancelled"},
            "consultation.no-show", new String[] {"S26", "Noshow"});

    @Activate
    public SiuMapper(@Reference InterfaceRecords records, MappingConfig config) {
        super(records, ZoneId.of(config.zone()));
    }

    @Override
    List<OutboundMessage> map(DomainEvent event, ConsultationRecord r) throws Exception {
        String[] how = EVENTS.get(event.type());
        if (how == null || r.consultation.scheduledAt == null) {
            return List.of();   // never booked: the hospital has no appointment to hear about
        }
        SIU_S12 siu = new SIU_S12();
        siu.initQuickstart("SIU", how[0], "P");
        siu.getMSH().getMessageType().getMessageStructure().setValue("SIU_S12");
        SCH sch = siu.getSCH();
        Terser.set(sch, 1, 0, 1, 1, r.consultation.id);
        Terser.set(sch, 1, 0, 2, 1, AUTHORITY);
        Terser.set(sch, 2, 0, 1, 1, r.consultation.id);
        Terser.set(sch, 2, 0, 2, 1, AUTHORITY);
        Terser.set(sch, 6, 0, 1, 1, "ONLINE");
        Terser.set(sch, 6, 0, 2, 1, "Online " + ("FOLLOW_UP".equals(r.consultation.kind) ? "follow-up" : "initial")
                + " consultation");
        Terser.set(sch, 7, 0, 1, 1, r.consultation.specialtyId);
        Terser.set(sch, 7, 0, 2, 1, r.specialtyNameZh == null ? r.consultation.specialtyId : r.specialtyNameZh);
        Terser.set(sch, 8, 0, 1, 1, "FOLLOW_UP".equals(r.consultation.kind) ? "FOLLOWUP" : "ROUTINE");
        int minutes = r.slotMinutes > 0 ? r.slotMinutes : 30;
        Terser.set(sch, 9, 0, 1, 1, String.valueOf(minutes));
        Terser.set(sch, 10, 0, 1, 1, "min");
        Terser.set(sch, 11, 0, 3, 1, "M" + minutes);
        Terser.set(sch, 11, 0, 4, 1, ts(r.consultation.scheduledAt));
        Terser.set(sch, 11, 0, 5, 1, ts(r.consultation.scheduledAt.plusSeconds(60L * minutes)));
        if (r.physician != null) {
            xcn(sch, 16, r.physician);
        }
        Terser.set(sch, 25, 0, 1, 1, how[1]);
        pid(siu.getPATIENT().getPID(), r.child);
        pv1(siu.getPATIENT().getPV1(), r);
        SIU_S12_RESOURCES res = siu.getRESOURCES();
        Terser.set(res.getRGS(), 1, 0, 1, 1, "1");
        Terser.set(res.getSERVICE().getAIS(), 1, 0, 1, 1, "1");
        Terser.set(res.getSERVICE().getAIS(), 3, 0, 1, 1, r.consultation.specialtyId);
        Terser.set(res.getSERVICE().getAIS(), 3, 0, 2, 1, r.specialtyNameEn == null ? r.consultation.specialtyId
                : r.specialtyNameEn);
        Terser.set(res.getSERVICE().getAIS(), 4, 0, 1, 1, ts(r.consultation.scheduledAt));
        if (r.physician != null) {
            Terser.set(res.getPERSONNEL_RESOURCE().getAIP(), 1, 0, 1, 1, "1");
            xcn(res.getPERSONNEL_RESOURCE().getAIP(), 3, r.physician);
            Terser.set(res.getPERSONNEL_RESOURCE().getAIP(), 4, 0, 1, 1, "PHYS");
            Terser.set(res.getPERSONNEL_RESOURCE().getAIP(), 6, 0, 1, 1, ts(r.consultation.scheduledAt));
        }
        return List.of(OutboundMessage.of(r.child.id, siu));
    }
}
