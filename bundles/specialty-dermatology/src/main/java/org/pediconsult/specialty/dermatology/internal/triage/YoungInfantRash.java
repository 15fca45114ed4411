package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * A rash in an infant under 3 months (under 90 days) is not for remote diagnosis: neonatal herpes
 * simplex can show as skin vesicles only, and young infants hide serious infection: IN_PERSON.
 *
 * <p>Source: NICE NG143 (infants under 3 months are a high-risk group); AAP Red Book (neonatal HSV
 * skin-eye-mouth disease); AAP 2021 guideline on febrile infants 8-60 days.
 */
final class YoungInfantRash implements RedFlagRule {
    /** Under 3 months, counted in days so the edge is exact: day 89 is in, day 90 is out. */
    static final long AGE_LIMIT_DAYS = 90;

    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (f.ageInDays < AGE_LIMIT_DAYS) {
            return Optional.of(RedFlag.inPerson(
                    "3个月以下婴儿出现皮疹：需当面检查",
                    "rash in an infant under 3 months: needs an in-person examination"));
        }
        return Optional.empty();
    }
}
