package org.pediconsult.pharmacy.api;

/** Why a parcel was refused at the door. */
public enum RefusalReason {
    /** The tamper seal is broken or its number differs from the one recorded at dispatch. */
    SEAL_BROKEN,
    /** A cold-chain parcel's temperature left 2-8 °C: never handed over. */
    TEMPERATURE_EXCURSION,
    /** The person at the door is not the guardian (or cannot give the code). */
    WRONG_PERSON,
    /** The family declined the parcel. */
    DECLINED
}
