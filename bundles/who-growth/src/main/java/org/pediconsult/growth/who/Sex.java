package org.pediconsult.growth.who;

/**
 * Sex of the child. WHO publishes separate growth curves for boys and girls, so every z-score needs it;
 * WHO data files code it as 1 = male, 2 = female.
 *
 * @since 1.0
 */
public enum Sex {
    /** Boys (WHO code 1). */
    MALE,
    /** Girls (WHO code 2). */
    FEMALE
}
