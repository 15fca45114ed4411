package org.pediconsult.consultation.api.dto;

import java.time.Instant;

/** Bookable time of a physician. @since 1.0 */
public class SlotDTO {
    public String id;
    public String physicianId;
    public Instant startsAt;
    public int minutes;
    public boolean free;
}
