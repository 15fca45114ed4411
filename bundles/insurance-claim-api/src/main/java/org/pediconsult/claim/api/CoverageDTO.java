package org.pediconsult.claim.api;

import java.time.LocalDate;

/** A child's insurance coverage: from the guardian (UI) or from the HIS (ADT IN1/IN2). */
public final class CoverageDTO {
    public String childId;
    /** The payer (insurer) id; selects the insurer adapter. */
    public String payer;
    public String plan;
    public String companyId;
    public String insuredId;
    public String policyNumber;
    /** Pooling region (e.g. a city's code). */
    public String region;
    /** The subscriber: the guardian's login or name. */
    public String subscriber;
    /** HL7 table 0063, e.g. MTH mother, FTH father. */
    public String relationship;
    public LocalDate validFrom;
    public LocalDate validTo;
    /** GUARDIAN or hl7:<channel>. */
    public String source;
}
