package org.pediconsult.specialty.dermatology.internal.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.Bundle;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.specialty.dermatology.internal.store.PhotoStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.specialty.dermatology.testing.FakeChildRecords;
import org.pediconsult.specialty.dermatology.testing.H2Database;
import org.pediconsult.specialty.dermatology.testing.RecordingAuditTrail;
import org.pediconsult.specialty.dermatology.testing.TestImages;

class RashPhotosTest {
    /** The test's migrations come from the class path, not from a bundle. */
    private static final Bundle NO_BUNDLE = null;
    private static final String CHILD = Ids.newId();
    private static final AuthenticatedUser MOTHER = user("guardian.tang", Role.GUARDIAN);
    private static final AuthenticatedUser OTHER_PARENT = user("guardian.wu", Role.GUARDIAN);
    private static final AuthenticatedUser DERMATOLOGIST = user("dr.wang", Role.PHYSICIAN);
    private static final AuthenticatedUser GROWTH_DOCTOR = user("dr.li", Role.PHYSICIAN);
    private static final AuthenticatedUser AUDITOR = user("auditor.chen", Role.AUDITOR);

    private final JdbcDataSource db = H2Database.empty("");
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final FakeChildRecords children = new FakeChildRecords().guardian("guardian.tang", CHILD)
            .treats("dr.wang", CHILD, "dermatology").treats("dr.li", CHILD, "growth-development");
    private final Instant now = Instant.parse("2026-11-25T08:30:00Z");
    private final RashPhotos photos = new RashPhotos(db, (bundle, module) -> {
        assertEquals("dermatology", module);
        return H2Database.migrate(db, "BLOB");
    }, audit, children, Clock.fixed(now, ZoneOffset.UTC), NO_BUNDLE);

    private static AuthenticatedUser user(String name, Role role) {
        return new AuthenticatedUser(name, Set.of(role));
    }

    private PhotoReceipt uploadAsMother(byte[] body) {
        return photos.upload(MOTHER, CHILD, "rash.jpg", "image/jpeg", new ByteArrayInputStream(body));
    }

    private byte[] cameraJpeg() {
        return TestImages.afterSoi(TestImages.jpeg(120, 80), TestImages.exifApp1(1, "GPSLatitude 31.2304 N"));
    }

    @Test
    void guardianUploadIsSanitizedStoredAndAuditedInOneTransaction() throws Exception {
        PhotoReceipt receipt = uploadAsMother(cameraJpeg());

        assertTrue(Ids.isId(receipt.id));
        assertEquals("image/jpeg", receipt.contentType);
        assertEquals(120, receipt.width);
        assertEquals(80, receipt.height);
        byte[] stored = new Tx(db).read(c -> new PhotoStore().content(c, receipt.id));
        assertEquals(stored.length, receipt.byteSize);
        assertFalse(TestImages.contains(stored, "Exif") || TestImages.contains(stored, "GPS"));
        assertEquals(1, audit.entries.size());
        AuditEntry entry = audit.entries.get(0);
        assertEquals("guardian.tang", entry.actor());
        assertEquals(AuditEntry.Action.CREATE, entry.action());
        assertEquals("dermatology-photo", entry.resourceType());
        assertEquals(receipt.id, entry.resourceId());
        assertEquals(CHILD, entry.patientId());
        assertTrue(audit.recordedInsideTransaction.get(0), "the CREATE record joins the photo's transaction");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT uploaded_by, sha256, created_at FROM derm_photo")) {
            assertTrue(rs.next());
            assertEquals("guardian.tang", rs.getString(1));
            assertEquals(64, rs.getString(2).trim().length());
            assertEquals(now, rs.getTimestamp(3).toInstant());
        }
    }

    @Test
    void aFailingAuditStoresNoPhoto() throws Exception {
        audit.failWrites = true;
        assertThrows(RuntimeException.class, () -> uploadAsMother(cameraJpeg()));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM derm_photo")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no photo without its audit record");
        }
    }

    @Test
    void someoneElsesChildIs404AndNothingIsRead() {
        ProblemException e = assertThrows(ProblemException.class, () -> photos.upload(OTHER_PARENT, CHILD, "rash.jpg",
                "image/jpeg", new ByteArrayInputStream(cameraJpeg())));
        assertEquals(404, e.status());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void malformedChildIdIsABadField() {
        ProblemException e = assertThrows(ProblemException.class, () -> photos.upload(MOTHER, "../etc", "rash.jpg",
                "image/jpeg", new ByteArrayInputStream(cameraJpeg())));
        assertEquals(400, e.status());
        assertEquals("child", e.field());
    }

    @Test
    void treatingDermatologistAndGuardianReadTheBytesAndEachReadIsAudited() {
        PhotoReceipt receipt = uploadAsMother(cameraJpeg());

        StoredPhoto byDoctor = photos.open(DERMATOLOGIST, receipt.id);
        StoredPhoto byMother = photos.open(MOTHER, receipt.id);

        assertEquals("image/jpeg", byDoctor.contentType);
        assertEquals(receipt.byteSize, byDoctor.bytes.length);
        assertArrayEquals(byDoctor.bytes, byMother.bytes);
        assertEquals(3, audit.entries.size());
        AuditEntry read = audit.entries.get(1);
        assertEquals("dr.wang", read.actor());
        assertEquals(AuditEntry.Action.READ, read.action());
        assertEquals("dermatology-photo", read.resourceType());
        assertEquals(receipt.id, read.resourceId());
        assertEquals(CHILD, read.patientId());
        assertEquals("guardian.tang", audit.entries.get(2).actor());
    }

    @Test
    void everyoneElseGetsTheSame404AsForAMissingPhoto() {
        PhotoReceipt receipt = uploadAsMother(cameraJpeg());
        for (AuthenticatedUser stranger : new AuthenticatedUser[] {OTHER_PARENT, GROWTH_DOCTOR, AUDITOR}) {
            ProblemException e = assertThrows(ProblemException.class, () -> photos.open(stranger, receipt.id));
            ProblemException missing = assertThrows(ProblemException.class, () -> photos.open(stranger, Ids.newId()));
            assertEquals(404, e.status(), stranger.username());
            assertEquals(missing.code(), e.code());
            assertEquals(missing.getMessage(), e.getMessage(), "existence is not revealed");
        }
        assertEquals(404, assertThrows(ProblemException.class, () -> photos.open(MOTHER, "not-an-id")).status());
        assertEquals(1, audit.entries.size(), "refused reads leave no READ record");
    }

    @Test
    void refusedImageStoresNothing() throws Exception {
        assertThrows(ProblemException.class, () -> uploadAsMother("not a photo".getBytes()));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM derm_photo")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        assertTrue(audit.entries.isEmpty());
    }
}
