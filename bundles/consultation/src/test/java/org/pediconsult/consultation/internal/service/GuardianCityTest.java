package org.pediconsult.consultation.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** PUT /api/guardians/me/city: validated against the city table, stored as the Chinese name, audited. */
class GuardianCityTest {
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<AuditEntry> audited = audit.entries();

    @Test
    void aGuardianSetsAKnownCityAndAnUnknownOneIsRefused() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/consultation")
                .table("flyway_history_consultation").load().migrate();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
        GuardianDTO g = new GuardianDTO();
        g.id = UUID.randomUUID().toString();
        g.username = "guardian.tang";
        g.familyName = "唐";
        g.givenName = "丽";
        try (Connection c = db.getConnection()) {
            new PeopleStore().insertGuardian(c, g, clock.instant());
        }
        PeopleService people = new PeopleService(db, audit, clock, null, null);
        AuthenticatedUser tang = new AuthenticatedUser("guardian.tang", Set.of(Role.GUARDIAN));

        assertEquals("苏州市", people.setCity(tang, "苏州").city, "stored as the table's Chinese name");
        assertEquals("苏州市", people.me(tang).city, "GET /api/guardians/me shows it");
        assertEquals("杭州市", people.setCity(tang, "hangzhou").city);
        AuditEntry last = audited.stream().filter(e -> "city set".equals(e.detail())).reduce((a, b) -> b).orElseThrow();
        assertEquals("guardian.tang", last.actor());

        ProblemException unknown = assertThrows(ProblemException.class, () -> people.setCity(tang, "Atlantis"));
        assertEquals(400, unknown.status());
        assertFalse(unknown.getMessage().contains("Atlantis"), "the problem does not echo the input");
        assertEquals("杭州市", people.me(tang).city, "unchanged after a refusal");
        assertEquals(400, assertThrows(ProblemException.class, () -> people.setCity(tang, "Suzhou")).status(),
                "ambiguous pinyin (苏州/宿州) without the province");
        assertEquals(400, assertThrows(ProblemException.class, () -> people.setCity(tang, "x".repeat(61))).status());

        assertNull(people.setCity(tang, " ").city, "blank clears");
        assertEquals(403, assertThrows(ProblemException.class, () -> people.setCity(
                new AuthenticatedUser("nobody", Set.of(Role.GUARDIAN)), "北京")).status(), "no guardian profile");
    }
}
