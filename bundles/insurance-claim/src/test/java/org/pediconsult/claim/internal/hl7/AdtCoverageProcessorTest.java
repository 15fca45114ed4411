package org.pediconsult.claim.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.platform.api.data.Tx;

/** ADT^A04 with IN1 (synthetic names) parsed as the bridge parses it, coverage saved in H2 migrated by Flyway. */
class AdtCoverageProcessorTest {
    private static final String MSH = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000"
            + "||ADT^A04^ADT_A01|A0001|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r"
            + "NK1|1|唐^丽|MTH^Mother^HL70063\r"
            + "PV1|1|O\r";
    private static final String IN1 = "IN1|1|CHILD-BASIC^城乡居民医保少儿^PEDICONSULT|INS-BJ-01^^^PEDICONSULT|北京医保中心"
            + "||||||||20260101|20261231|||唐^丽|MTH^Mother^HL70063|||||||||||||||||||POL-778899"
            + "|||||||||||||IID-445566^^^110100\r";

    private JdbcDataSource db;
    private AdtCoverageProcessor processor;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void start() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/claim").table("flyway_history_claim")
                .load().migrate();
        processor = new AdtCoverageProcessor(db, clock);
    }

    private static Message parse(String er7) throws Exception {
        try (HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"))) {
            hapi.setValidationContext(new NoValidation());
            PipeParser parser = hapi.getPipeParser();
            return parser.parse(er7);
        }
    }

    private CoverageDTO coverage(String childId) {
        return new Tx(db).read(c -> new ClaimStore().coverage(c, childId));
    }

    private int rows() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM claim_coverage");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theFirstIn1IsSavedAsTheChildsCoverage() throws Exception {
        Message adt = parse(MSH + IN1 + IN1.replace("IN1|1|CHILD-BASIC", "IN1|2|OTHER-PLAN").replace("INS-BJ-01", "INS-X"));
        assertInstanceOf(ADT_A01.class, adt);
        processor.validate(adt);
        assertEquals(List.of("c-0042"), processor.processAlso(adt, "his", List.of("c-0042")));
        CoverageDTO v = coverage("c-0042");
        assertEquals("c-0042", v.childId);
        assertEquals("INS-BJ-01", v.payer);
        assertEquals("INS-BJ-01", v.companyId);
        assertEquals("CHILD-BASIC", v.plan);
        assertEquals(LocalDate.of(2026, 1, 1), v.validFrom);
        assertEquals(LocalDate.of(2026, 12, 31), v.validTo);
        assertEquals("唐丽", v.subscriber);
        assertEquals("MTH", v.relationship);
        assertEquals("POL-778899", v.policyNumber);
        assertEquals("IID-445566", v.insuredId);
        assertEquals("110100", v.region);
        assertEquals("hl7:his", v.source);
        // idempotent: processed again, still one row with the same coverage
        processor.processAlso(adt, "his", List.of("c-0042"));
        assertEquals(1, rows());
        assertEquals("CHILD-BASIC", coverage("c-0042").plan);
    }

    @Test
    void withoutIn1OrWithoutAChildNothingIsSaved() throws Exception {
        Message adt = parse(MSH);
        processor.validate(adt);
        assertEquals(List.of(), processor.processAlso(adt, "his", List.of("c-0042")));
        assertNull(coverage("c-0042"));
        assertEquals(List.of(), processor.processAlso(parse(MSH + IN1), "his", List.of()));
        assertEquals(List.of(), processor.process(parse(MSH + IN1), "his"));
        assertEquals(0, rows());
    }
}
