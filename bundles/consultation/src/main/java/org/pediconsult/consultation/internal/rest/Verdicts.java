package org.pediconsult.consultation.internal.rest;

import org.pediconsult.platform.api.ProblemException;

/** The {@code decision} of a verification body: VERIFIED (the default) or REFUSED with a reason. */
final class Verdicts {
    private Verdicts() {
    }

    static boolean refused(PeopleResources.Verification body) {
        String d = body.decision == null ? "VERIFIED" : body.decision.trim();
        if ("VERIFIED".equals(d)) {
            return false;
        }
        if ("REFUSED".equals(d)) {
            return true;
        }
        throw ProblemException.badField("decision", "decision is VERIFIED or REFUSED");
    }

    static String reason(PeopleResources.Verification body) {
        return Require.text("reason", body.reason, 500);
    }
}
