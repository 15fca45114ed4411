package org.pediconsult.specialty.dermatology.internal.triage;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/** One rule's finding: how urgent, and why, in words a guardian and a clinician can read. */
public final class RedFlag {
    public final TriageLevel level;
    public final LocalizedText reason;

    RedFlag(TriageLevel level, LocalizedText reason) {
        this.level = level;
        this.reason = reason;
    }

    static RedFlag emergency(String zh, String en) {
        return new RedFlag(TriageLevel.EMERGENCY, LocalizedText.of(zh, en));
    }

    static RedFlag inPerson(String zh, String en) {
        return new RedFlag(TriageLevel.IN_PERSON, LocalizedText.of(zh, en));
    }
}
