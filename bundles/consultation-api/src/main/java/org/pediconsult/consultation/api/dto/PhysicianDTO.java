package org.pediconsult.consultation.api.dto;

import java.time.LocalDate;
import java.util.List;

/** A physician of a pilot institution. @since 1.0 */
public class PhysicianDTO {
    public String id;
    public String username;
    public String familyName;
    public String givenName;
    public String licenceNumber;
    /** The day independent clinical practice began (the 3-year rule counts from it). */
    public LocalDate practiceSince;
    public String title;
    public String institution;
    public List<String> specialties;
    /** On the pilot white-list. */
    public boolean whitelisted;
}
