package org.pediconsult.prescription.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.Text;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;

/** The table on H2 through the bundle's own migration: a version round-trips whole, and a stale write loses. */
class PrescriptionStoreTest {
    private JdbcDataSource db;
    private final PrescriptionStore store = new PrescriptionStore();

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/prescription")
                .table("flyway_history_prescription").load().migrate();
    }

    private static PrescriptionDTO draft() {
        PrescriptionItem it = new PrescriptionItem();
        it.code = "CETIRIZINE-DROPS";
        it.dose = 2.5;
        it.unit = FormularyEntry.Unit.MG;
        it.frequency = "BID";
        it.durationDays = 5;
        it.quantity = 1.0;
        it.quantityUnit = "bottle";
        it.sites = List.of(FormularyEntry.BodySite.ARMS);
        it.instructions = Text.of("早晚各一次", "morning and evening");
        it.name = LocalizedText.of("西替利嗪滴剂", "Cetirizine drops");
        it.ingredient = "cetirizine";
        it.route = FormularyEntry.Route.PO;
        it.storage = FormularyEntry.Storage.AMBIENT;
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = UUID.randomUUID().toString();
        p.consultationId = UUID.randomUUID().toString();
        p.childId = UUID.randomUUID().toString();
        p.specialtyId = "dermatology";
        p.physician = "dr.wang";
        p.version = 1;
        p.state = PrescriptionState.DRAFT;
        p.items = List.of(it);
        p.childBirthDate = LocalDate.of(2021, 7, 20);
        p.weightKg = 18.0;
        p.weightDate = LocalDate.of(2026, 12, 4);
        p.weightSource = "PHYSICIAN";
        p.allergies = List.of("nsaid");
        p.checks = List.of(new CheckResult(0, "CETIRIZINE-DROPS", "max-per-dose", true, "2.5 mg", "2.5 mg",
                LocalizedText.of("每次 2.5 mg", "2.5 mg per dose")));
        p.createdAt = Instant.parse("2026-12-04T02:00:00Z");
        p.updatedAt = p.createdAt;
        return p;
    }

    @Test
    void aVersionRoundTripsWithItsItemsChecksAndFacts() throws Exception {
        PrescriptionDTO p = draft();
        try (Connection c = db.getConnection()) {
            store.insert(c, p);
            PrescriptionDTO back = store.byId(c, p.id);
            assertEquals("西替利嗪滴剂", back.items.get(0).name.zh);
            assertEquals("morning and evening", back.items.get(0).instructions.en);
            assertEquals(List.of(FormularyEntry.BodySite.ARMS), back.items.get(0).sites);
            assertEquals("2.5 mg per dose", back.checks.get(0).message.en);
            assertEquals(List.of("nsaid"), back.allergies);
            assertEquals(18.0, back.weightKg);
            assertEquals(LocalDate.of(2021, 7, 20), back.childBirthDate);
            assertEquals(PrescriptionState.DRAFT, back.state);
            assertEquals(1, store.byConsultation(c, p.consultationId).size());
            assertEquals(1, store.ofChild(c, p.childId, PrescriptionState.DRAFT, PrescriptionState.APPROVED).size());
            assertEquals(0, store.ofChild(c, p.childId, PrescriptionState.APPROVED).size());
        }
    }

    @Test
    void aWriteFromAStaleRowVersionOrAnotherStateChangesNothing() throws Exception {
        PrescriptionDTO p = draft();
        try (Connection c = db.getConnection()) {
            store.insert(c, p);
            PrescriptionDTO first = store.byId(c, p.id);
            PrescriptionDTO second = store.byId(c, p.id);
            first.state = PrescriptionState.AWAITING_REVIEW;
            first.validUntil = Instant.parse("2026-12-04T16:00:00Z");
            assertTrue(store.update(c, first, PrescriptionState.DRAFT));
            assertEquals(1, first.rowVersion);
            second.state = PrescriptionState.VOIDED;
            assertFalse(store.update(c, second, PrescriptionState.DRAFT), "the second writer read row version 0");
            assertEquals(PrescriptionState.AWAITING_REVIEW, store.byId(c, p.id).state);
            assertEquals(List.of(p.id), store.lapsed(c, PrescriptionState.AWAITING_REVIEW, Instant.parse("2026-12-04T16:00:01Z"), 10));
            assertEquals(List.of(), store.lapsed(c, PrescriptionState.AWAITING_REVIEW, Instant.parse("2026-12-04T15:59:59Z"), 10));
        }
    }
}
