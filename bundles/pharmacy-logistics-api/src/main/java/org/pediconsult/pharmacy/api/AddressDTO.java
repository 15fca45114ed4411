package org.pediconsult.pharmacy.api;

import java.time.Instant;

/** A delivery address kept with a guardian's account (several allowed, one default). */
public final class AddressDTO {
    public String id;
    /** Who receives the parcel (usually the guardian). */
    public String recipient;
    /** The recipient's mobile number (the courier calls it). */
    public String phone;
    public String province;
    public String city;
    public String district;
    /** Street, building, unit, room. */
    public String street;
    public String postcode;
    public boolean isDefault;
    public Instant createdAt;
}
