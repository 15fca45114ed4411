package org.pediconsult.consultation.api.dto;

import java.time.Instant;
import java.util.Map;

/** A submitted pre-consultation assessment and its triage. @since 1.0 */
public class AssessmentDTO {
    public String id;
    public String childId;
    public String specialtyId;
    public String questionnaireVersion;
    public Map<String, Object> answers;
    public TriageDTO triage;
    public String submittedBy;
    public Instant submittedAt;
}
