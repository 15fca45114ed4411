package org.pediconsult.consultation.api.dto;

import java.time.Instant;

/** A guardian and the verification of their identity. @since 1.0 */
public class GuardianDTO {
    public String id;
    public String username;
    public String familyName;
    public String givenName;
    public String phone;
    public String idType;
    public String idValue;
    public boolean identityVerified;
    public String verifiedBy;
    public String verifiedMethod;
    public Instant verifiedAt;
    /** Set when the hospital refused the verification (the person may correct it and ask again). @since 1.3 */
    public String refusedReason;
    /** @since 1.3 */
    public String refusedBy;
    /** @since 1.3 */
    public Instant refusedAt;
    /**
     * The family's city as the guardian set it (the Chinese name of a city in the suite's city table,
     * e.g. {@code 苏州市}); {@code null} when not set. Used only for the pilot report's travel saved.
     * @since 1.5
     */
    public String city;
}
