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
}
