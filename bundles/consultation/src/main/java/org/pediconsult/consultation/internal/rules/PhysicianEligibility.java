package org.pediconsult.consultation.internal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * May this physician give an online consult in this specialty on this day?
 *
 * <p>Checks, in this order, and returns the <em>first</em> refusal: the pilot white-list
 * ({@code physician-whitelist}), at least three full years of independent practice
 * ({@code independent-practice-3-years}, see {@link IndependentPracticeRule}), a pilot institution
 * ({@code pilot-institution}) and coverage of the specialty ({@code physician-specialty}).
 *
 * <p>Why this order and only the first refusal: the white-list is the authority's own gate and the
 * most fundamental; reporting one clear reason at a time is what the clinician can act on, and a
 * stable order keeps the reported reason reproducible. Whether the <em>consult</em> is in the pilot
 * (window, specialty) is {@link PilotScope#initialConsultAllowed}'s job, not this class's.
 */
public final class PhysicianEligibility {

    static final String RULE_WHITELIST = "physician-whitelist";
    static final String RULE_INSTITUTION = "pilot-institution";
    static final String RULE_SPECIALTY = "physician-specialty";

    private final PilotScope scope;
    private final IndependentPracticeRule practiceRule;

    public PhysicianEligibility(PilotScope scope, IndependentPracticeRule practiceRule) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.practiceRule = Objects.requireNonNull(practiceRule, "practiceRule");
    }

    /**
     * @param physician the facts about the physician
     * @param specialtyId the specialty of the consult
     * @param consultDay the (local) day of the consult
     * @return {@link RuleDecision#allow()} or the first refusal
     */
    public RuleDecision check(PhysicianFacts physician, String specialtyId, LocalDate consultDay) {
        Objects.requireNonNull(physician, "physician");
        Objects.requireNonNull(consultDay, "consultDay");
        if (!physician.whitelisted()) {
            return RuleDecision.refuse(RULE_WHITELIST,
                    "the physician is not on the pilot white-list",
                    "该医师不在试点白名单内");
        }
        RuleDecision practice = practiceRule.check(physician.practiceSince(), consultDay);
        if (!practice.allowed()) {
            return practice;
        }
        if (!scope.institutionInPilot(physician.institution())) {
            return physician.institution() == null
                    ? RuleDecision.refuse(RULE_INSTITUTION,
                            "no institution is on record for the physician; only pilot institutions may take part",
                            "该医师未登记执业机构；仅试点机构可参与")
                    : RuleDecision.refuse(RULE_INSTITUTION,
                            "institution '" + physician.institution() + "' is not a pilot institution",
                            "执业机构'" + physician.institution() + "'不是试点机构");
        }
        if (specialtyId == null || !physician.specialtyIds().contains(specialtyId)) {
            return RuleDecision.refuse(RULE_SPECIALTY,
                    "the physician does not cover specialty '" + specialtyId + "'",
                    "该医师的执业范围不含专科'" + specialtyId + "'");
        }
        return RuleDecision.allow();
    }
}
