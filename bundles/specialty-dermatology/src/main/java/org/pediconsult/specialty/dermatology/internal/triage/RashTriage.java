package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;

/**
 * Runs every red-flag rule: the most urgent level wins and every reason is listed (most urgent
 * first), so the physician sees all the signs, not only the worst. With no red flag the case is REMOTE_OK, with the
 * safety-net advice that tells the guardian when to stop waiting for the online consult.
 */
public final class RashTriage {
    private static final LocalizedText EMERGENCY_ADVICE = LocalizedText.of(
            "请立即拨打120或前往最近的急诊，不要等待在线问诊",
            "call 120 or go to the nearest emergency department now; do not wait for the online consult");
    private static final LocalizedText IN_PERSON_ADVICE = LocalizedText.of(
            "请今天到医院儿科或皮肤科当面就诊；如孩子精神差或皮疹加重，请立即去急诊",
            "see a pediatrician or dermatologist in person today; go to an emergency department at once if "
                    + "the child becomes drowsy or the rash gets worse");
    private static final LocalizedText REMOTE_ADVICE = LocalizedText.of(
            "适合在线问诊。如出现发热、按压不褪色的皮疹、口眼受累、水疱或红肿快速扩散，请立即就医",
            "suitable for an online consult. Seek care at once if fever, a non-blanching rash, sore mouth or "
                    + "eyes, blisters or fast-spreading redness appear");

    private final List<RedFlagRule> rules = List.of(
            new FeverWithNonBlanchingRash(),
            new NonBlanchingRashWithoutFever(),
            new FeverWithRash(),
            new MucosalInvolvementOrBlistering(),
            new YoungInfantRash(),
            new FebrileYoungInfant(),
            new RapidlySpreadingRedness(),
            new EczemaHerpeticum());

    public TriageResult triage(AssessmentInput assessment) {
        RashFacts facts = RashFacts.of(assessment);
        List<RedFlag> flags = new ArrayList<>();
        for (RedFlagRule rule : rules) {
            rule.assess(facts).ifPresent(flags::add);
        }
        // Most urgent first (stable), so the first reason always explains the level.
        flags.sort(Comparator.comparing((RedFlag f) -> f.level).reversed());
        TriageLevel level = flags.isEmpty() ? TriageLevel.REMOTE_OK : flags.get(0).level;
        List<LocalizedText> reasons = new ArrayList<>();
        flags.forEach(f -> reasons.add(f.reason));
        return new TriageResult(level, reasons, advice(level));
    }

    private static LocalizedText advice(TriageLevel level) {
        switch (level) {
            case EMERGENCY: return EMERGENCY_ADVICE;
            case IN_PERSON: return IN_PERSON_ADVICE;
            default: return REMOTE_ADVICE;
        }
    }
}
