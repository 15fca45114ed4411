package org.pediconsult.pharmacy.internal.delivery.rules;

import org.pediconsult.pharmacy.api.RefusalReason;

/**
 * Whether a parcel may be handed over at the door. A cold-chain parcel whose temperature left its range is
 * never handed over (it is refused and quarantined); a parcel whose tamper seal is reported broken is
 * refused. The excursion is checked first: it holds whatever the seal looks like and the parcel's contents
 * are unusable either way.
 */
public final class HandOverRule {

    private HandOverRule() {
    }

    /**
     * @param excursion a temperature reading of this parcel was out of range
     * @param sealIntact the courier reports the seal intact (and its number the one recorded at dispatch)
     * @return why the parcel must be refused, or {@code null} when it may be handed over
     */
    public static RefusalReason refusalReason(boolean excursion, boolean sealIntact) {
        if (excursion) {
            return RefusalReason.TEMPERATURE_EXCURSION;
        }
        if (!sealIntact) {
            return RefusalReason.SEAL_BROKEN;
        }
        return null;
    }

    /** What to tell the courier and the guardian about a refusal, in English. */
    public static String messageEn(RefusalReason reason) {
        return switch (reason) {
            case TEMPERATURE_EXCURSION -> "the parcel's temperature left the allowed range: it is not handed over but refused and returned";
            case SEAL_BROKEN -> "the tamper seal is broken: the parcel is not handed over but refused and returned";
            case WRONG_PERSON -> "the person at the door is not the guardian: the parcel is refused and returned";
            case DECLINED -> "the family declined the parcel: it is refused and returned";
        };
    }

    /** The same in Chinese. */
    public static String messageZh(RefusalReason reason) {
        return switch (reason) {
            case TEMPERATURE_EXCURSION -> "包裹温度超出允许范围：不予交付，拒收并退回";
            case SEAL_BROKEN -> "防拆封条已破损：不予交付，拒收并退回";
            case WRONG_PERSON -> "收件人不是监护人：拒收并退回";
            case DECLINED -> "家属拒收包裹：退回";
        };
    }
}
