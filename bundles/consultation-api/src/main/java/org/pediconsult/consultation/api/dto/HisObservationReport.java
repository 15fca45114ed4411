package org.pediconsult.consultation.api.dto;

import java.util.ArrayList;
import java.util.List;

/** The observations of one HL7 ORU R01 for one child (one PATIENT_RESULT group). @since 1.2 */
public class HisObservationReport {
    /** The child's HIS identifier as ADT registered it: {@code authority^id}, or {@code id} (PID-3). */
    public String hisId;
    /**
     * Set by {@code HisObservations.record}: the PediConsult id of the child the report was recorded for
     * (so the HL7 bridge can name the patient of the stored message). Ignored on input.
     *
     * @since 1.2
     */
    public String childId;
    /** MSH-10 of the message, kept with each observation for tracing back to the stored message. */
    public String controlId;
    public List<ObservationDTO> observations = new ArrayList<>();
}
