package org.pediconsult.claim.internal.qualification;

import java.util.Optional;

/** {@code pilot-institution}: the physician's institution is one of the pilot's designated institutions. */
public final class PilotInstitutionRule implements QualificationRule {
    public static final String NAME = "pilot-institution";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        String institution = facts.institution();
        if (institution == null || institution.isBlank()) {
            return Optional.of(Reason.of(NAME, "机构未知（无接诊医生），无法确认是否为试点定点机构",
                    "institution unknown (no physician): not known to be a pilot institution"));
        }
        if (rules.institutions().contains(institution)) {
            return Optional.empty();
        }
        return Optional.of(Reason.of(NAME, "机构 " + institution + " 不是试点定点机构",
                "institution " + institution + " is not a designated pilot institution"));
    }
}
