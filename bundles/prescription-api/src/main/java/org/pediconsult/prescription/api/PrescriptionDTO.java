package org.pediconsult.prescription.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A prescription version with its items, the facts it was checked against and its checks' results. */
public final class PrescriptionDTO {
    public String id;
    public String consultationId;
    public String childId;
    public String specialtyId;
    /** The physician's login name. */
    public String physician;
    /** 1 for the first, +1 for each corrected version. */
    public int version;
    /** The rejected version this one corrects, or null. */
    public String previousId;
    public PrescriptionState state;
    /** An emergency prescription: at most 3 days of treatment. */
    public boolean emergency;
    /** A chronic condition's written reason for more than 7 days, or null. */
    public String chronicReason;
    public String diagnosis;
    public List<PrescriptionItem> items;

    // The facts the checks used, kept with the prescription
    public LocalDate childBirthDate;
    public String childSex;
    public Double weightKg;
    public LocalDate weightDate;
    /** ASSESSMENT, HIS, PHYSICIAN. */
    public String weightSource;
    /** The child's recorded allergies (ingredients or drug classes) when last checked. */
    public List<String> allergies;
    public List<CheckResult> checks;

    public Instant createdAt;
    public Instant signedAt;
    /** Exactly what the physician signed: canonical JSON (sorted keys, no spaces, UTF-8). */
    public String canonicalContent;
    /** Detached JWS (header..signature) over {@link #canonicalContent}. */
    public String signature;
    public String signingKeyId;
    public Instant validUntil;
    public String reviewedBy;
    public Instant reviewedAt;
    public String rejectionReason;
    /** The category of a rejection ({@link RejectionCategory}); null before 1.1 or when not rejected. @since 1.1 */
    public RejectionCategory rejectionCategory;
    public String voidedBy;
    public Instant voidedAt;
    public String voidReason;
    public Instant dispensedAt;
    /** True once the approved prescription was handed to the HL7 bridge (RDE^O11 NW). */
    public boolean sentToPharmacy;
    public Instant updatedAt;
    public int rowVersion;
}
