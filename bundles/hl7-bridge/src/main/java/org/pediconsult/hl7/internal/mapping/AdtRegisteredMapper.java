package org.pediconsult.hl7.internal.mapping;

import java.time.ZoneId;
import java.util.List;

import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.platform.api.event.DomainEvent;

/** {@code consultation.registered} (an online visit was registered) to ADT^A04 with PID, NK1 and PV1. */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.hl7.mapping",
        property = Hl7OutboundMapper.EVENT_TYPES + "=consultation.registered")
@Designate(ocd = MappingConfig.class)
public class AdtRegisteredMapper extends ConsultationMapper {
    @Activate
    public AdtRegisteredMapper(@Reference InterfaceRecords records, MappingConfig config) {
        super(records, ZoneId.of(config.zone()));
    }

    @Override
    List<OutboundMessage> map(DomainEvent event, ConsultationRecord r) throws Exception {
        ADT_A01 adt = new ADT_A01();
        adt.initQuickstart("ADT", "A04", "P");
        adt.getMSH().getMessageType().getMessageStructure().setValue("ADT_A01");
        adt.getEVN().getEventTypeCode().setValue("A04");
        adt.getEVN().getRecordedDateTime().getTime().setValue(ts(event.occurredAt()));
        pid(adt.getPID(), r.child);
        if (r.guardian != null) {
            nk1(adt.getNK1(), r.guardian, r.guardianRelationship);
        }
        pv1(adt.getPV1(), r);
        return List.of(OutboundMessage.of(r.child.id, adt));
    }
}
