package org.pediconsult.consultation.api.dto;

import java.time.Instant;

/**
 * A child's recorded allergy or intolerance: an ingredient ({@code ibuprofen}) or a drug class
 * ({@code nsaid}), lower case, with the reaction seen. The prescription checks compare it with each
 * item's ingredient and class.
 *
 * @since 1.4
 */
public final class AllergyDTO {
    public String id;
    public String childId;
    public String substance;
    public String reaction;
    public String recordedBy;
    public Instant recordedAt;
}
