package org.pediconsult.prescription.internal.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.Text;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;

/** The canonical content and its detached signature: stable, verifiable, and any change fails. */
class PrescriptionSignerTest {
    @TempDir
    Path dir;

    private static PrescriptionDTO prescription() {
        PrescriptionItem it = new PrescriptionItem();
        it.code = "PARACETAMOL-SUSP";
        it.name = LocalizedText.of("对乙酰氨基酚混悬液", "Paracetamol oral suspension");
        it.ingredient = "paracetamol";
        it.route = FormularyEntry.Route.PO;
        it.dose = 150.0;
        it.unit = FormularyEntry.Unit.MG;
        it.frequency = "Q6H";
        it.durationDays = 3;
        it.quantity = 1.0;
        it.quantityUnit = "BOTTLE";
        it.instructions = Text.of("发热时服用", "for fever");
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = "6f1c0a9e-0000-4000-8000-000000000001";
        p.version = 1;
        p.consultationId = "c1";
        p.childId = "k1";
        p.childBirthDate = LocalDate.of(2022, 3, 15);
        p.weightKg = 10.0;
        p.weightDate = LocalDate.of(2026, 12, 1);
        p.specialtyId = "growth-development";
        p.physician = "dr.wang";
        p.items = List.of(it);
        p.allergies = List.of();
        p.signedAt = Instant.parse("2026-12-04T02:00:00Z");
        p.validUntil = Instant.parse("2026-12-04T16:00:00Z");
        return p;
    }

    @Test
    void theCanonicalFormSortsKeysHasNoSpacesAndIsTheSameForTheSameContent() {
        String a = CanonicalContent.of(prescription(), "110000000001");
        String b = CanonicalContent.of(prescription(), "110000000001");
        assertEquals(a, b);
        assertFalse(a.contains(" \"") || a.contains(": "), a);
        assertTrue(a.indexOf("\"allergies\"") < a.indexOf("\"childId\"") && a.indexOf("\"childId\"") < a.indexOf("\"items\""), a);
        assertTrue(a.contains("\"dose\":150.0") && a.contains("\"nameZh\":\"对乙酰氨基酚混悬液\""), a);
    }

    @Test
    void aSignatureVerifiesOverItsContentOnlyAndSurvivesAReloadOfTheKey() throws Exception {
        Path keyFile = dir.resolve("key.json");
        PrescriptionSigner signer = PrescriptionSigner.loadOrCreate(keyFile);
        String content = CanonicalContent.of(prescription(), "110000000001");
        String jws = signer.sign(content, "dr.wang", Instant.parse("2026-12-04T02:00:00Z"));
        assertTrue(jws.contains(".."), "detached: header..signature");

        PrescriptionSigner.Verification ok = PrescriptionSigner.loadOrCreate(keyFile).verify(content, jws);
        assertTrue(ok.valid());
        assertEquals("dr.wang", ok.signer());
        assertEquals(signer.keyId(), ok.keyId());

        PrescriptionDTO changed = prescription();
        changed.items.get(0).dose = 1500.0;
        assertFalse(signer.verify(CanonicalContent.of(changed, "110000000001"), jws).valid(), "a changed dose fails");
        assertFalse(signer.verify(content.replace("Q6H", "Q4H"), jws).valid(), "a changed frequency fails");
        assertFalse(signer.verify(content, jws.substring(0, jws.length() - 4) + "AAAA").valid(), "a changed signature fails");
        assertFalse(signer.verify(content, "not a jws").valid());
        assertFalse(signer.verify(null, jws).valid());

        PrescriptionSigner other = PrescriptionSigner.loadOrCreate(dir.resolve("other.json"));
        assertNotEquals(signer.keyId(), other.keyId());
        assertFalse(other.verify(content, jws).valid(), "another installation's key does not verify it");
        assertFalse(signer.publicKeys().toString().contains("\"d\""), "the key set is public only");
        assertTrue(Files.readString(keyFile).contains("\"d\""), "the file keeps the private key");
    }
}
