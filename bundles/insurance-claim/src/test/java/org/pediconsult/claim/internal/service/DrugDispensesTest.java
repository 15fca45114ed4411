package org.pediconsult.claim.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventOutbox;

/**
 * The dispense listener on the bundle's real migrations (in-memory H2): a dispense is charged once whatever the
 * events, as a new version after the consultation's claim, waits for a consultation not ended or a rejected claim,
 * and rides along with what comes next.
 */
class DrugDispensesTest {
    private static final Instant COMPLETED = Instant.parse("2026-03-16T03:00:00Z");
    private static final Instant DISPENSED = Instant.parse("2026-03-17T02:00:00Z");

    private JdbcDataSource db;
    private final List<DomainEvent> events = new ArrayList<>();
    private final Map<String, Dispensed> pharmacy = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final ConsultationRecord record = record();
    private ClaimService claims;
    private DrugDispenses listener;
    private final ClaimStore store = new ClaimStore();

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler h) {
        return (T) Proxy.newProxyInstance(DrugDispensesTest.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    static Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        String k = "ruleset.2026-01.";
        p.put(k + "effective.from", "2026-01-01");
        p.put(k + "pilot.institutions", "CH-1");
        p.put(k + "pilot.specialties", "dermatology");
        p.put(k + "pilot.window.start", "2026-01-01");
        p.put(k + "pilot.window.end", "2026-12-31");
        p.put(k + "item.initial.code", "110200001");
        p.put(k + "item.initial.amount", "30.00");
        p.put(k + "item.followup.code", "110200002");
        p.put(k + "item.followup.amount", "20.00");
        p.put(k + "pooling.home.regions", "320500");
        p.put(k + "drug.category.B.selfpay.percent", "10");
        p.put(k + "drug.CETIRIZINE-DROPS.price", "24.50");
        p.put(k + "drug.CETIRIZINE-DROPS.unit", "BOTTLE");
        p.put(k + "drug.CETIRIZINE-DROPS.category", "B");
        return p;
    }

    private static ConsultationRecord record() {
        ConsultationRecord r = new ConsultationRecord();
        r.consultation = new ConsultationDTO();
        r.consultation.id = "k-1";
        r.consultation.childId = "child-1";
        r.consultation.specialtyId = "dermatology";
        r.consultation.state = "COMPLETED";
        r.consultation.kind = "INITIAL";
        r.consultation.completedAt = COMPLETED;
        r.consultation.guardianAttestedAt = COMPLETED.minusSeconds(600);
        r.child = new ChildDTO();
        r.child.id = "child-1";
        r.physician = new PhysicianDTO();
        r.physician.institution = "CH-1";
        r.physician.whitelisted = true;
        r.physician.practiceSince = LocalDate.of(2010, 1, 1);
        return r;
    }

    @BeforeEach
    void setUp() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/claim").table("flyway_history_claim").load().migrate();
        BundleContext context = proxy(BundleContext.class, (p, m, a) -> null);
        SchemaMigrations migrations = (bundle, module) -> 0;
        AuditTrail audit = proxy(AuditTrail.class, (p, m, a) -> m.getReturnType() == long.class ? 0L : null);
        EventOutbox outbox = new EventOutbox() {
            @Override
            public void append(Connection tx, DomainEvent event) {
                events.add(event);
            }

            @Override
            public DomainEvent newEvent(String domain, String name, int version, String aggregateId, String dataJson) {
                return new DomainEvent(UUID.randomUUID().toString(), domain, name, version, DISPENSED, aggregateId, dataJson);
            }
        };
        InterfaceRecords records = (id, source, purpose) -> id.equals(record.consultation.id) ? Optional.of(record) : Optional.empty();
        ClaimConfig cfg = proxy(ClaimConfig.class, (p, m, a) -> switch (m.getName()) {
            case "zone" -> "Asia/Shanghai";
            case "default_payer" -> "";
            default -> m.getDefaultValue();
        });
        claims = new ClaimService(context, db, migrations, Clock.fixed(DISPENSED.plusSeconds(5), ZoneOffset.UTC), audit, outbox,
                records, cfg, config());
        listener = new DrugDispenses(claims, (consultationId, dispenseId) -> {
            reads.incrementAndGet();
            return Optional.ofNullable(pharmacy.get(dispenseId));
        });
        CoverageDTO cov = new CoverageDTO();
        cov.childId = "child-1";
        cov.payer = "itest";
        cov.plan = "URBAN";
        cov.insuredId = "I-1";
        cov.region = "320500";
        cov.relationship = "MTH";
        cov.source = "GUARDIAN";
        try (Connection c = db.getConnection()) {
            store.saveCoverage(c, cov, "guardian", COMPLETED.minusSeconds(86_400));
        }
    }

    private Dispensed dispense(String id, int bottles) {
        Dispensed d = new Dispensed(id, "k-1", "child-1", DISPENSED, List.of(
                new Dispensed.Item(0, "CETIRIZINE-DROPS", "CETIRIZINE-DROPS", "西替利嗪滴剂", (double) bottles, "bottle"),
                new Dispensed.Item(1, "NEW-CREAM", "NEW-CREAM", "新乳膏", 1.0, "TUBE")));
        pharmacy.put(id, d);
        return d;
    }

    private static DomainEvent dispensedEvent(String dispenseId) {
        return new DomainEvent(UUID.randomUUID().toString(), "pharmacy", "dispensed", 1, DISPENSED, dispenseId,
                "{\"dispenseId\":\"" + dispenseId + "\",\"prescriptionId\":\"rx-1\",\"consultationId\":\"k-1\","
                        + "\"childId\":\"child-1\",\"source\":\"PEDICONSULT\"}");
    }

    private void deliver(DomainEvent e) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            listener.onEvent(e, c);
            c.commit();
        }
    }

    private List<ClaimDTO> versions() throws Exception {
        try (Connection c = db.getConnection()) {
            return store.byConsultation(c, "k-1");
        }
    }

    private void ended() throws Exception {
        try (Connection c = db.getConnection()) {
            claims.consultationEnded(c, "k-1", "test");
        }
    }

    private void setState(ClaimDTO k, ClaimState state) throws Exception {
        try (Connection c = db.getConnection()) {
            k.state = state;
            assertTrue(store.update(c, k, DISPENSED));
        }
    }

    private static long drugLines(ClaimDTO k) {
        return k.lines.stream().filter(l -> l.dispenseId != null).count();
    }

    @Test
    void aDispenseAfterTheClaimIsANewQualifiedVersionChargedOnceWhateverTheEvents() throws Exception {
        ended();
        assertEquals(ClaimState.QUALIFIED, versions().get(0).state);
        dispense("disp-1", 2);
        DomainEvent event = dispensedEvent("disp-1");
        deliver(event);
        deliver(event); // redelivered (the platform skips it too)
        deliver(dispensedEvent("disp-1")); // the same dispense, another event
        List<ClaimDTO> v = versions();
        assertEquals(2, v.size(), "one drug version");
        assertEquals(1, reads.get(), "the dispense is read once");
        ClaimDTO drugs = v.get(1);
        assertEquals(2, drugs.version);
        assertNull(drugs.previousId);
        assertEquals(ClaimState.QUALIFIED, drugs.state);
        assertEquals("itest", drugs.payer);
        assertEquals(3, drugs.lines.size(), "cetirizine claimed 90% and self-pay 10%, the unknown cream self-pay");
        assertEquals(new BigDecimal("44.10"), drugs.claimed);
        assertEquals(new BigDecimal("4.90"), drugs.selfPay);
        ClaimLine unknown = drugs.lines.get(2);
        assertEquals("drug-unpriced", unknown.flag);
        assertEquals(new BigDecimal("0.00"), unknown.amount);
        assertTrue(events.stream().anyMatch(e -> e.name().equals("qualified") && e.aggregateId().equals(drugs.id)));

        // a claim event of the new version finds nothing waiting
        deliver(new DomainEvent("e-q", "claim", "qualified", 1, DISPENSED, drugs.id,
                "{\"claimId\":\"" + drugs.id + "\",\"consultationId\":\"k-1\"}"));
        assertEquals(2, versions().size());

        // a second dispense of the consultation is a version of its own
        dispense("disp-2", 1);
        deliver(dispensedEvent("disp-2"));
        assertEquals(3, versions().size());
        assertEquals(new BigDecimal("22.05"), versions().get(2).claimed);
    }

    @Test
    void aDispenseBeforeTheConsultationEndedRidesAlongWithItsClaim() throws Exception {
        dispense("disp-1", 1);
        deliver(dispensedEvent("disp-1"));
        assertTrue(versions().isEmpty(), "no claim yet: the drugs wait");
        ended();
        List<ClaimDTO> v = versions();
        assertEquals(1, v.size());
        assertEquals(ClaimState.QUALIFIED, v.get(0).state);
        assertEquals(4, v.get(0).lines.size(), "the visit and the drugs");
        assertEquals(new BigDecimal("52.05"), v.get(0).claimed, "30.00 + 22.05");
        deliver(dispensedEvent("disp-1"));
        deliver(new DomainEvent("e-q", "claim", "qualified", 1, DISPENSED, v.get(0).id,
                "{\"claimId\":\"" + v.get(0).id + "\",\"consultationId\":\"k-1\"}"));
        assertEquals(1, versions().size(), "charged once");
    }

    @Test
    void anIneligibleConsultationMakesItsDrugsSelfPayWithItsReasons() throws Exception {
        record.physician.whitelisted = false;
        ended();
        assertEquals(ClaimState.INELIGIBLE, versions().get(0).state);
        dispense("disp-1", 1);
        deliver(dispensedEvent("disp-1"));
        ClaimDTO drugs = versions().get(1);
        assertEquals(ClaimState.INELIGIBLE, drugs.state);
        assertEquals(versions().get(0).reasons, drugs.reasons);
        assertTrue(drugs.lines.stream().allMatch(l -> l.selfPay));
        assertEquals(new BigDecimal("0.00"), drugs.claimed);
        assertEquals(new BigDecimal("24.50"), drugs.selfPay);
        assertTrue(drugs.lines.get(0).reason.contains("white-list"), drugs.lines.get(0).reason);
    }

    @Test
    void drugsWaitForARejectedClaimAndRideAlongWithItsResubmission() throws Exception {
        ended();
        ClaimDTO v1 = versions().get(0);
        setState(v1, ClaimState.REJECTED);
        dispense("disp-1", 1);
        deliver(dispensedEvent("disp-1"));
        assertEquals(1, versions().size(), "waiting for the resubmission");
        ClaimDTO v2;
        try (Connection c = db.getConnection()) {
            v2 = claims.newVersion(c, versions().get(0), "billing.zhou");
        }
        assertEquals(2, v2.version);
        assertEquals(v1.id, v2.previousId);
        assertEquals(ClaimState.QUALIFIED, v2.state);
        assertEquals(4, v2.lines.size());
        assertEquals(3, drugLines(v2));
        deliver(dispensedEvent("disp-1"));
        assertEquals(2, versions().size(), "charged once");
    }

    @Test
    void aRejectedDrugVersionIsResubmittedWithItsDrugsOnlyAndALateRejectionOfTheVisitStillResubmits() throws Exception {
        ended();
        ClaimDTO v1 = versions().get(0);
        setState(v1, ClaimState.SUBMITTED); // the insurer's ACK still to come
        dispense("disp-1", 1);
        deliver(dispensedEvent("disp-1"));
        ClaimDTO v2 = versions().get(1);
        setState(v2, ClaimState.REJECTED);
        ClaimDTO v3;
        try (Connection c = db.getConnection()) {
            v3 = claims.newVersion(c, v2, "billing.zhou");
        }
        assertEquals(3, v3.version);
        assertEquals(3, v3.lines.size(), "the drugs again, not the visit");
        assertEquals(3, drugLines(v3));
        assertFalse(v3.lines.stream().anyMatch(l -> v2.lines.stream().anyMatch(o -> o.lineId.equals(l.lineId))), "new transaction ids");

        // the visit's claim rejected late: still resubmittable, as version 4 after the newest
        v1 = versions().get(0);
        setState(v1, ClaimState.REJECTED);
        ClaimDTO v4;
        try (Connection c = db.getConnection()) {
            v4 = claims.newVersion(c, versions().get(0), "billing.zhou");
        }
        assertEquals(4, v4.version);
        assertEquals(1, v4.lines.size(), "the visit; its drugs are charged by version 3");
    }

    @Test
    void withoutPharmacyLogisticsADispenseEventIsDeliveredAgainLater() throws Exception {
        ended();
        DrugDispenses without = new DrugDispenses(claims, null);
        try (Connection c = db.getConnection()) {
            assertThrows(IllegalStateException.class, () -> without.onEvent(dispensedEvent("disp-9"), c));
        }
        assertEquals(1, versions().size());
    }
}
