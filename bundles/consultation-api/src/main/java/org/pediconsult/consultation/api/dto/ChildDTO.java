package org.pediconsult.consultation.api.dto;

import java.time.LocalDate;
import java.util.List;

/** A child patient. @since 1.0 */
public class ChildDTO {
    public String id;
    public String familyName;
    public String givenName;
    /** FEMALE, MALE, OTHER or UNKNOWN. */
    public String sex;
    public LocalDate birthDate;
    public String idType;
    public String idValue;
    public List<GuardianshipDTO> guardians;
}
