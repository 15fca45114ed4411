package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.pediconsult.platform.api.event.EventListener;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v251.group.RDE_O11_ORDER;
import ca.uhn.hl7v2.model.v251.message.RDE_O11;
import ca.uhn.hl7v2.model.v251.message.RDS_O13;
import ca.uhn.hl7v2.model.v251.message.DFT_P03;
import ca.uhn.hl7v2.validation.impl.NoValidation;

/**
 * The whole prescription chain to the hospital pharmacy over a real MLLP socket: prescribe, sign, approve,
 * RDE^O11 (ORC-1 NW) received, ACKed and parsed with HAPI; end-and-refer voids it and sends ORC-1 CA.
 *
 * <p>In the PostgreSQL container only: a pharmacy channel makes the bridge's durable event queues exist,
 * and in the H2 container the HIS channel test ({@link Hl7BridgeBehaviour}) relies on them not existing
 * before it (it sends only its own test's events). The RDE^O11 mapping itself is unit-tested in the bundle.
 */
public abstract class PrescriptionPharmacyBehaviour extends ReportBehaviour {
    private static final String PHARMACY_PORT = "pediconsult.it.pharmacy-receiver.port";
    private static final String EMR_PORT = "pediconsult.it.emr-receiver.port";
    private static final String INSURER_MLLP_PORT = "pediconsult.it.insurer-mllp.port";

    @Override
    protected Option[] extraOptions() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.extraOptions()));
        options.add(systemProperty(PHARMACY_PORT).value(String.valueOf(FreePorts.tcp())));
        options.add(systemProperty(EMR_PORT).value(String.valueOf(FreePorts.tcp())));
        options.add(systemProperty(INSURER_MLLP_PORT).value(String.valueOf(FreePorts.tcp())));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.pediconsult.claim.insurer-itest-hl7.cfg", "pediconsult.claim.payer", "itest-hl7"));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.pediconsult.claim.insurer-itest-hl7.cfg", "transport", "HL7"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aPrescriptionIsCheckedSignedApprovedSentAsRdeO11AndVoidedWithCaOnReferral() throws Exception {
        Configuration channel = configurationAdmin.createFactoryConfiguration("org.pediconsult.hl7.outbound", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "pharmacy");
        props.put("host", "127.0.0.1");
        props.put("port", String.valueOf(containerPort(PHARMACY_PORT)));
        props.put("message.types", "RDE^O11");
        props.put("receiving.application", "PHARMACY");
        props.put("settle.millis", "200");
        props.put("retry.initial.seconds", "0.5");
        props.put("retry.max.seconds", "2");
        props.put("ack.timeout.seconds", "5");
        channel.update(props);
        try (HisReceiver pharmacy = new HisReceiver(containerPort(PHARMACY_PORT));
             HapiContext hapi = new DefaultHapiContext()) {
            pharmacy.start();
            hapi.setValidationContext(new NoValidation());
            await().atMost(Duration.ofSeconds(30)).until(() -> !bundleContext.getServiceReferences(EventListener.class,
                    "(" + EventListener.CONSUMER + "=hl7-outbound)").isEmpty());
            String doctor = token("dr.wang");
            String consult = liConsultInProgress();

            Reply live = call("POST", "/api/consultations/" + consult + "/prescriptions/check", doctor, draft(2.5));
            assertEquals(live.text, 200, live.status);
            assertEquals(live.text, List.of(), refusedRules(live.json.path("checks")));
            assertEquals("PHYSICIAN", live.get("weightSource"));

            Reply created = call("POST", "/api/consultations/" + consult + "/prescriptions", doctor, draft(2.5));
            assertEquals(created.text, 201, created.status);
            String rx = created.get("id");
            assertEquals("DRAFT", created.get("state"));
            assertEquals("西替利嗪滴剂", created.json.path("items").get(0).path("name").path("zh").asText());

            // others: another physician, another family, a courier, the pharmacist before signing
            assertEquals(404, call("GET", "/api/prescriptions/" + rx, token("dr.zhang"), null).status);
            assertEquals(404, call("GET", "/api/prescriptions/" + rx, token("guardian.tang"), null).status);
            assertEquals(403, call("GET", "/api/prescriptions/" + rx, token("courier.zhao"), null).status);
            assertEquals(404, call("GET", "/api/prescriptions/" + rx, token("pharmacist.li"), null).status);
            assertEquals(404, call("GET", "/api/consultations/" + consult + "/prescriptions", token("guardian.tang"), null).status);
            assertEquals(404, call("POST", "/api/consultations/" + consult + "/prescriptions", token("dr.zhang"), draft(2.5)).status);

            Reply wrong = sign(rx, doctor, "not-the-password");
            assertEquals(wrong.text, 400, wrong.status);
            assertEquals("password", wrong.get("field"));
            Reply signed = sign(rx, doctor, PASSWORD);
            assertEquals(signed.text, 200, signed.status);
            assertEquals("AWAITING_REVIEW", signed.get("state"));
            assertNotNull(signed.get("signature"));

            Reply verification = call("GET", "/api/prescriptions/" + rx + "/verification", token("pharmacist.li"), null);
            assertEquals(verification.text, 200, verification.status);
            assertTrue(verification.text, verification.json.path("valid").asBoolean());
            assertEquals("dr.wang", verification.get("signedBy"));
            String content = verification.get("canonicalContent");
            String tampered = content.replace("\"dose\":2.5", "\"dose\":25.0");
            assertFalse("the content names the dose as signed", content.equals(tampered));
            Reply forged = call("POST", "/api/prescriptions/verification", token("guardian.li"),
                    Map.of("content", tampered, "signature", verification.get("signature")));
            assertEquals(forged.text, 200, forged.status);
            assertFalse(forged.text, forged.json.path("valid").asBoolean());
            Reply genuine = call("POST", "/api/prescriptions/verification", token("guardian.li"),
                    Map.of("content", content, "signature", verification.get("signature")));
            assertTrue(genuine.text, genuine.json.path("valid").asBoolean());
            Reply keys = call("GET", "/api/prescriptions/signing-keys", null, null);
            assertEquals(keys.text, 200, keys.status);
            assertTrue(keys.text, keys.text.contains("\"kty\":\"RSA\"") && !keys.text.contains("\"d\":"));

            Reply queue = call("GET", "/api/prescriptions?state=AWAITING_REVIEW", token("pharmacist.li"), null);
            assertEquals(queue.text, 200, queue.status);
            assertTrue(queue.text, queue.text.contains(rx));
            assertEquals(403, call("GET", "/api/prescriptions?state=AWAITING_REVIEW", doctor, null).status);
            assertEquals(403, call("POST", "/api/prescriptions/" + rx + "/approval", doctor, null).status);
            Reply approved = call("POST", "/api/prescriptions/" + rx + "/approval", token("pharmacist.li"), null);
            assertEquals(approved.text, 200, approved.status);
            assertEquals("APPROVED", approved.get("state"));
            assertEquals(409, call("POST", "/api/prescriptions/" + rx + "/approval", token("pharmacist.li"), null).status);

            Reply family = call("GET", "/api/consultations/" + consult + "/prescriptions", token(GUARDIAN), null);
            assertEquals(family.text, 200, family.status);
            assertEquals(family.text, 1, family.json.size());
            assertEquals("APPROVED", family.json.get(0).path("state").asText());

            await().atMost(Duration.ofSeconds(60)).until(() -> orders(pharmacy, rx).size() >= 1);
            RDE_O11 rde = (RDE_O11) hapi.getPipeParser().parse(orders(pharmacy, rx).get(0).raw());
            assertEquals("RDE", rde.getMSH().getMessageType().getMessageCode().getValue());
            assertEquals("O11", rde.getMSH().getMessageType().getTriggerEvent().getValue());
            assertEquals("PHARMACY", rde.getMSH().getReceivingApplication().getNamespaceID().getValue());
            assertEquals(created.get("childId"), rde.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue());
            assertEquals(1, rde.getORDERReps());
            RDE_O11_ORDER order = rde.getORDER(0);
            assertEquals("NW", order.getORC().getOrderControl().getValue());
            assertEquals(rx + "-1", order.getORC().getPlacerOrderNumber().getEntityIdentifier().getValue());
            assertEquals("CETIRIZINE-DROPS", order.getRXE().getGiveCode().getIdentifier().getValue());
            assertEquals("2.5", order.getRXE().getGiveAmountMinimum().getValue());
            assertEquals("mg", order.getRXE().getGiveUnits().getIdentifier().getValue());
            assertEquals(rx, order.getRXE().getPrescriptionNumber().getValue());
            assertEquals("PO", order.getRXR(0).getRoute().getIdentifier().getValue());
            assertTrue(rde.getPATIENT().getPATIENT_VISIT().getPV1().getVisitNumber().getIDNumber().getValue().equals(consult));

            Reply referred = call("POST", "/api/consultations/" + consult + "/end-and-refer", doctor,
                    Map.of("reason", "需要当面检查 needs an in-person examination", "facility", "儿童医院皮肤科门诊"));
            assertEquals(referred.text, "REFERRED", referred.get("state"));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "VOIDED".equals(call("GET", "/api/prescriptions/" + rx, doctor, null).get("state")));
            await().atMost(Duration.ofSeconds(60)).until(() -> orders(pharmacy, rx).size() >= 2);
            RDE_O11 cancel = (RDE_O11) hapi.getPipeParser().parse(orders(pharmacy, rx).get(1).raw());
            assertEquals("CA", cancel.getORDER(0).getORC().getOrderControl().getValue());
            assertEquals(rx + "-1", cancel.getORDER(0).getORC().getPlacerOrderNumber().getEntityIdentifier().getValue());
        } finally {
            channel.delete();
        }
    }

    /** The RDE^O11 messages the test pharmacy received for this prescription, in order. */
    private static List<HisReceiver.Received> orders(HisReceiver pharmacy, String rx) {
        return pharmacy.received.stream().filter(r -> r.type().equals("RDE^O11") && r.raw().contains(rx)).toList();
    }


    /** A pharmacist's dispense goes to the hospital's EMR as RDS^O13 with the lot, expiry and manufacturer. */
    @Test
    public void aDispenseIsSentToTheEmrAsRdsO13() throws Exception {
        Configuration channel = configurationAdmin.createFactoryConfiguration("org.pediconsult.hl7.outbound", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "emr");
        props.put("host", "127.0.0.1");
        props.put("port", String.valueOf(containerPort(EMR_PORT)));
        props.put("message.types", "RDS^O13");
        props.put("receiving.application", "EMR");
        props.put("settle.millis", "200");
        props.put("retry.initial.seconds", "0.5");
        props.put("retry.max.seconds", "2");
        props.put("ack.timeout.seconds", "5");
        channel.update(props);
        try (HisReceiver emr = new HisReceiver(containerPort(EMR_PORT)); HapiContext hapi = new DefaultHapiContext()) {
            emr.start();
            hapi.setValidationContext(new NoValidation());
            await().atMost(Duration.ofSeconds(30)).until(() -> !bundleContext.getServiceReferences(EventListener.class,
                    "(" + EventListener.CONSUMER + "=hl7-outbound)").isEmpty());
            String doctor = token("dr.wang");
            String consult = liConsultInProgress();
            Reply created = call("POST", "/api/consultations/" + consult + "/prescriptions", doctor, draft(2.5));
            String rx = created.get("id");
            assertEquals(200, sign(rx, doctor, PASSWORD).status);
            assertEquals(200, call("POST", "/api/prescriptions/" + rx + "/approval", token("pharmacist.li"), null).status);
            await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/deliveries?state=AWAITING_DISPENSING",
                    token("pharmacist.li"), null).text.contains(rx));
            String expiry = java.time.LocalDate.now().plusYears(1).toString();
            Reply dispensed = call("POST", "/api/dispenses", token("pharmacist.li"), Map.of("prescriptionId", rx, "items",
                    List.of(Map.of("itemIndex", 0, "lot", "L-EMR-42", "expiry", expiry, "quantity", 1, "quantityUnit", "bottle",
                            "manufacturer", "某某制药有限公司"))));
            assertEquals(dispensed.text, 201, dispensed.status);
            await().atMost(Duration.ofSeconds(60)).until(() -> emr.received.stream()
                    .anyMatch(r -> r.type().equals("RDS^O13") && r.raw().contains(rx)));
            String raw = emr.received.stream().filter(r -> r.type().equals("RDS^O13") && r.raw().contains(rx))
                    .findFirst().orElseThrow().raw();
            RDS_O13 rds = (RDS_O13) hapi.getPipeParser().parse(raw);
            assertEquals("EMR", rds.getMSH().getReceivingApplication().getNamespaceID().getValue());
            assertEquals(1, rds.getORDERReps());
            assertEquals(rx + "-1", rds.getORDER(0).getORC().getPlacerOrderNumber().getEntityIdentifier().getValue());
            assertEquals("L-EMR-42", rds.getORDER(0).getRXD().getSubstanceLotNumber(0).getValue());
            assertEquals(expiry.replace("-", ""), rds.getORDER(0).getRXD().getSubstanceExpirationDate(0).getTime().getValue()
                    .substring(0, 8));
            assertEquals(rx, rds.getORDER(0).getRXD().getPrescriptionNumber().getValue());
            assertTrue(raw, emr.received.stream().noneMatch(r -> r.type().equals("RDE^O11")));
        } finally {
            channel.delete();
        }
    }

    /**
     * A claim to an insurer that speaks HL7: DFT^P03 over a real MLLP socket, parsed with HAPI (FT1, IN1); the insurer's
     * AE rejects it (max.attempts = 1: no retry), the resubmitted version is answered AA and accepted.
     */
    @Test
    public void aClaimGoesToTheInsurerAsDftP03AndItsAckAnswersIt() throws Exception {
        Configuration channel = configurationAdmin.createFactoryConfiguration("org.pediconsult.hl7.outbound", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "insurer");
        props.put("host", "127.0.0.1");
        props.put("port", String.valueOf(containerPort(INSURER_MLLP_PORT)));
        props.put("message.types", "DFT^P03");
        props.put("receiving.application", "INSURER");
        props.put("settle.millis", "200");
        props.put("max.attempts", "1");
        props.put("ack.timeout.seconds", "5");
        channel.update(props);
        try (HisReceiver insurer = new HisReceiver(containerPort(INSURER_MLLP_PORT)); HapiContext hapi = new DefaultHapiContext()) {
            insurer.answer(r -> "AE");
            insurer.start();
            hapi.setValidationContext(new NoValidation());
            await().atMost(Duration.ofSeconds(30)).until(() -> !bundleContext.getServiceReferences(EventListener.class,
                    "(" + EventListener.CONSUMER + "=hl7-outbound)").isEmpty());
            covered("itest-hl7");
            String consult = liConsultInProgress();
            complete(consult);
            var v1 = claimsOnce(consult, 1, "REJECTED").get(0);
            String raw = insurer.received.stream().filter(r -> r.type().equals("DFT^P03") && r.raw().contains(
                    v1.path("lines").get(0).path("lineId").asText())).findFirst().orElseThrow().raw();
            DFT_P03 dft = (DFT_P03) hapi.getPipeParser().parse(raw);
            assertEquals("INSURER", dft.getMSH().getReceivingApplication().getNamespaceID().getValue());
            assertEquals(v1.path("lines").get(0).path("lineId").asText(),
                    dft.getFINANCIAL(0).getFT1().getTransactionID().getValue());
            assertEquals("CG", dft.getFINANCIAL(0).getFT1().getTransactionType().getValue());
            assertEquals("110200001", dft.getFINANCIAL(0).getFT1().getTransactionCode().getIdentifier().getValue());
            assertTrue(raw, raw.contains("IN1|") && raw.contains("城乡居民基本医疗保险"));
            assertTrue(raw, raw.contains("INS-320500-0001"));
            assertTrue(v1.toString(), v1.path("insurerReasons").toString().contains("预约号已存在"));

            insurer.answer(r -> "AA");
            Reply v2 = call("POST", "/api/claims/" + v1.path("id").asText() + "/resubmission", token("billing.zhou"), null);
            assertEquals(v2.text, 201, v2.status);
            claimsOnce(consult, 2, "ACCEPTED");
            assertEquals(1, insurer.received.stream().filter(r -> r.raw().contains(v2.json.path("lines").get(0).path("lineId")
                    .asText())).count());
        } finally {
            channel.delete();
            covered("itest-none");
        }
    }
}
