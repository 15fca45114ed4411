package org.pediconsult.consultation.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.UnknownHisPatientException;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** Observations on H2 with this bundle's migrations: idempotency, status changes, visibility and audit. */
class HisObservationsServiceTest {
    private static final String HIS_ID = "PILOT1^HIS-000123";
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<AuditEntry> audited = audit.entries();
    private HisObservationsService service;
    private ChildRecordsService records;
    private String childId;

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/consultation")
                .table("flyway_history_consultation").load().migrate();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
        service = new HisObservationsService(db, audit, clock, null);
        records = new ChildRecordsService(db, audit, null, clock);
        ChildDTO child = new ChildDTO();
        child.id = UUID.randomUUID().toString();
        child.familyName = "唐";
        child.givenName = "小明";
        child.sex = "MALE";
        child.birthDate = LocalDate.of(2022, 3, 15);
        child.idType = "HIS";
        child.idValue = HIS_ID;
        childId = child.id;
        try (Connection c = db.getConnection()) {
            new PeopleStore().insertChild(c, child, "hl7:his", clock.instant());
        }
    }

    private static ObservationDTO obs(String setId, String code, String value, String status, String at) {
        ObservationDTO o = new ObservationDTO();
        o.setId = setId;
        o.code = code;
        o.codingSystem = "LN";
        o.valueType = "NM";
        o.value = value;
        o.numericValue = Double.valueOf(value);
        o.resultStatus = status;
        o.observedAt = Instant.parse(at);
        o.orderNumber = "FL-778";
        o.serviceCode = "GROWTH";
        o.text = "身高";
        return o;
    }

    private static HisObservationReport report(String controlId, ObservationDTO... observations) {
        HisObservationReport r = new HisObservationReport();
        r.hisId = HIS_ID;
        r.controlId = controlId;
        r.observations.addAll(List.of(observations));
        return r;
    }

    private static AuthenticatedUser admin() {
        return new AuthenticatedUser("admin", Set.of(Role.INTEGRATION_ADMIN));
    }

    @Test
    void aReportRecordedTwiceAddsNothingTheSecondTime() {
        HisObservationReport r = report("C1", obs("1", "8302-2", "98.5", "F", "2026-11-25T00:35:00Z"),
                obs("2", "29463-7", "15.2", "F", "2026-11-25T00:30:00Z"));
        assertEquals(2, service.record(r, "hl7:his"));
        assertEquals(0, service.record(r, "hl7:his"), "reprocessed or resent");
        assertEquals(0, service.record(report("C2", r.observations.toArray(new ObservationDTO[0])), "hl7:his"),
                "the same results under a new control id");
        List<ObservationDTO> list = records.observations(admin(), childId, null);
        assertEquals(2, list.size());
        assertEquals("8302-2", list.get(0).code, "newest first");
        assertEquals("身高", list.get(0).text);
        assertEquals(98.5, list.get(0).numericValue);
        assertEquals("C1", list.get(0).controlId);
        assertEquals(2, audited.stream().filter(a -> a.action() == AuditEntry.Action.CREATE).count());
        assertTrue(audited.stream().allMatch(a -> childId.equals(a.patientId())));
    }

    @Test
    void aFinalResultReplacesAPreliminaryOneButNotTheOtherWayRound() {
        assertEquals(1, service.record(report("C1", obs("1", "8302-2", "98.0", "P", "2026-11-25T00:35:00Z")), "hl7:his"));
        assertEquals(1, service.record(report("C2", obs("1", "8302-2", "98.5", "F", "2026-11-25T00:35:00Z")), "hl7:his"));
        assertEquals(0, service.record(report("C1", obs("1", "8302-2", "98.0", "P", "2026-11-25T00:35:00Z")), "hl7:his"),
                "the old preliminary message reprocessed later");
        List<ObservationDTO> list = records.observations(admin(), childId, "8302-2");
        assertEquals(1, list.size());
        assertEquals("98.5", list.get(0).value);
        assertEquals("F", list.get(0).resultStatus);
        assertEquals(1, audited.stream().filter(a -> a.action() == AuditEntry.Action.UPDATE).count());
    }

    @Test
    void anUnknownChildOrAMissingFieldIsRefusedNamingTheField() {
        HisObservationReport unknown = report("C1", obs("1", "8302-2", "98.5", "F", "2026-11-25T00:35:00Z"));
        unknown.hisId = "PILOT1^HIS-999999";
        UnknownHisPatientException e = assertThrows(UnknownHisPatientException.class,
                () -> service.record(unknown, "hl7:his"));
        assertEquals("PID-3", e.field());
        assertTrue(!e.getMessage().contains("999999"), "no identifier in the text");
        ObservationDTO noCode = obs("1", "8302-2", "98.5", "F", "2026-11-25T00:35:00Z");
        noCode.code = " ";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(report("C1", noCode), "hl7:his"))
                .getMessage().startsWith("OBX-3"));
        ObservationDTO noTime = obs("1", "8302-2", "98.5", "F", "2026-11-25T00:35:00Z");
        noTime.observedAt = null;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(report("C1", noTime), "hl7:his"))
                .getMessage().startsWith("OBX-14"));
        assertTrue(audited.isEmpty());
    }

    @Test
    void theCodeFilterMatchesAlternateCodesAndOthersGet404AndReadsAreAudited() {
        ObservationDTO local = obs("1", "HT", "98.5", "F", "2026-11-25T00:35:00Z");
        local.codingSystem = "L";
        local.alternateCode = "8302-2";
        local.alternateCodingSystem = "LN";
        service.record(report("C1", local, obs("2", "29463-7", "15.2", "F", "2026-11-25T00:30:00Z")), "hl7:his");
        assertEquals(List.of("HT"), records.observations(admin(), childId, "8302-2").stream().map(o -> o.code).toList());
        AuthenticatedUser stranger = new AuthenticatedUser("guardian.other", Set.of(Role.GUARDIAN));
        ProblemException hidden = assertThrows(ProblemException.class,
                () -> records.observations(stranger, childId, null));
        assertEquals(404, hidden.status());
        AuditEntry read = audited.get(audited.size() - 1);
        assertEquals(AuditEntry.Action.READ, read.action());
        assertEquals("observation-list", read.resourceType());
        assertEquals(childId, read.patientId());
    }
}
