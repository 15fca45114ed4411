package org.pediconsult.consultation.api.dto;

import java.time.Instant;

/**
 * One observation on a child's record (an HL7 OBX with its OBR). On {@link HisObservationReport}
 * the fields {@code id}, {@code childId} and {@code recordedAt} are ignored and set by the store.
 *
 * @since 1.2
 */
public class ObservationDTO {
    public String id;
    public String childId;
    /** Observation identifier (OBX-3.1), e.g. LOINC {@code 8302-2} body height. */
    public String code;
    /** Its coding system (OBX-3.3), e.g. {@code LN}. */
    public String codingSystem;
    /** Its text (OBX-3.2). */
    public String text;
    /** The alternate identifier and system (OBX-3.4, OBX-3.6): often the LOINC code beside a local one. */
    public String alternateCode;
    public String alternateCodingSystem;
    /** Observation sub-id (OBX-4), telling apart repeated observations of one code in one order. */
    public String subId;
    /** OBX set id (OBX-1). */
    public String setId;
    /** HL7 value type (OBX-2), e.g. NM, SN, ST, TX, CE, CWE; for ED and RP (attachments) no value is kept. */
    public String valueType;
    /** The value as text (OBX-5): for coded values their text (else code), for SN e.g. {@code <5} or {@code 1:128}. */
    public String value;
    /** The number, for NM and for SN with a plain number (no comparator other than =, no range or ratio). */
    public Double numericValue;
    /** For coded values (CE, CWE, CNE): the code and its system. */
    public String valueCode;
    public String valueCodingSystem;
    /** Units (OBX-6.1, else OBX-6.2), e.g. {@code cm}, {@code kg}. */
    public String units;
    /** Reference range (OBX-7). */
    public String referenceRange;
    /** Abnormal flags (OBX-8), comma separated, e.g. {@code H}. */
    public String abnormalFlags;
    /** Result status (OBX-11): F final, C corrected, P preliminary, ... */
    public String resultStatus;
    /** When observed (OBX-14, else OBR-7). */
    public Instant observedAt;
    /** Order number: filler (OBR-3.1), else placer (OBR-2.1). */
    public String orderNumber;
    /** The ordered service (OBR-4.1 and OBR-4.2), e.g. a lab panel. */
    public String serviceCode;
    public String serviceText;
    /** Ordering provider (OBR-16) as {@code family given (id)}. */
    public String orderingProvider;
    /** Performing organization (OBX-23.1), else the producer (OBX-15). */
    public String performer;
    /** Who recorded it, e.g. {@code hl7:his}. */
    public String source;
    /** MSH-10 of the message that brought it (last change). */
    public String controlId;
    /** When PediConsult stored it (last change). */
    public Instant recordedAt;
}
