package org.pediconsult.hl7.internal.mapping;

import java.time.ZoneId;
import java.util.List;

import ca.uhn.hl7v2.model.v251.datatype.TX;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.TXA;
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
 * {@code consultation.completed} to MDM^T02: the consult note (TXA: consultation note "CN",
 * authenticated, numbered by the consultation id; its author the physician) with the diagnosis and
 * the plan as OBX TX, one repetition of OBX-5 per line of text.
 */
@Component(service = Hl7OutboundMapper.class, configurationPid = "org.pediconsult.hl7.mapping",
        property = Hl7OutboundMapper.EVENT_TYPES + "=consultation.completed")
public class MdmNoteMapper extends ConsultationMapper {
    @Activate
    public MdmNoteMapper(@Reference InterfaceRecords records, MappingConfig config) {
        super(records, ZoneId.of(config.zone()));
    }

    @Override
    List<OutboundMessage> map(DomainEvent event, ConsultationRecord r) throws Exception {
        MDM_T02 mdm = new MDM_T02();
        mdm.initQuickstart("MDM", "T02", "P");
        mdm.getMSH().getMessageType().getMessageStructure().setValue("MDM_T02");
        mdm.getEVN().getEventTypeCode().setValue("T02");
        mdm.getEVN().getRecordedDateTime().getTime().setValue(ts(event.occurredAt()));
        pid(mdm.getPID(), r.child);
        pv1(mdm.getPV1(), r);
        TXA txa = mdm.getTXA();
        Terser.set(txa, 1, 0, 1, 1, "1");
        Terser.set(txa, 2, 0, 1, 1, "CN");
        Terser.set(txa, 3, 0, 1, 1, "TX");
        Terser.set(txa, 4, 0, 1, 1, ts(event.occurredAt()));
        if (r.physician != null) {
            xcn(txa, 5, r.physician);
            xcn(txa, 22, r.physician);
        }
        Terser.set(txa, 12, 0, 1, 1, r.consultation.id);
        Terser.set(txa, 12, 0, 2, 1, AUTHORITY);
        Terser.set(txa, 17, 0, 1, 1, "AU");
        Terser.set(txa, 19, 0, 1, 1, "AV");
        int i = 0;
        i = text(mdm, i, "DIAGNOSIS", "Diagnosis", r.consultation.diagnosis);
        text(mdm, i, "PLAN", "Plan", r.consultation.plan);
        return List.of(OutboundMessage.of(r.child.id, mdm));
    }

    private static int text(MDM_T02 mdm, int index, String code, String name, String text) throws Exception {
        if (text == null || text.isBlank()) {
            return index;
        }
        OBX obx = mdm.getOBSERVATION(index).getOBX();
        obx.getSetIDOBX().setValue(String.valueOf(index + 1));
        obx.getValueType().setValue("TX");
        obx.getObservationIdentifier().getIdentifier().setValue(code);
        obx.getObservationIdentifier().getText().setValue(name);
        obx.getObservationIdentifier().getNameOfCodingSystem().setValue("L");
        String[] lines = text.split("\\r?\\n|\\r");
        for (int l = 0; l < lines.length; l++) {
            TX tx = new TX(mdm);
            tx.setValue(lines[l]);
            obx.getObservationValue(l).setData(tx);
        }
        obx.getObservationResultStatus().setValue("F");
        return index + 1;
    }
}
