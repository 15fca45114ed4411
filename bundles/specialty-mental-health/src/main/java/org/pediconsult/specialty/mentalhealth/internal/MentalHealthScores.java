package org.pediconsult.specialty.mentalhealth.internal;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Score;

/**
 * The scored instruments, for the physician only: the PHQ-A total (sum of items 1-9, 0-27; the
 * supplementary questions are not added) with its severity band, and the ASQ (the number of yes to
 * 1-4, with the NIMH result). Each only when it was asked of the child.
 */
public final class MentalHealthScores {
    public static final String PHQ_A = "phq-a";
    public static final String ASQ = "asq";

    private static final LocalizedText PHQ_A_NAME = LocalizedText.of("PHQ-9青少年版（PHQ-A）总分",
            "PHQ-9 modified for teens (PHQ-A) total score");
    private static final CodedValue PHQ_A_CODE = new CodedValue("89204-2", "PHQ-9 modified for teens total score", "LN");
    private static final LocalizedText ASQ_NAME = LocalizedText.of("ASQ自杀风险筛查问题（美国NIMH）",
            "Ask Suicide-Screening Questions (ASQ, NIMH)");

    public List<Score> scores(ScreeningAnswers a) {
        List<Score> out = new ArrayList<>();
        if (a.phqAsked()) {
            int total = a.phqTotal();
            int answered = a.phqAnswered();
            int items = MentalHealthQuestionnaire.PHQ_ITEMS.size();
            // a band of an incomplete total would understate it: none then
            LocalizedText band = answered == items ? PhqBand.of(total).label : null;
            out.add(new Score(PHQ_A, PHQ_A_NAME, PHQ_A_CODE, total, 27.0, band, answered, items));
        }
        if (a.asqAsked()) {
            AsqResult result = AsqResult.of(a);
            // no LOINC code exists for the ASQ
            out.add(new Score(ASQ, ASQ_NAME, null, a.asqYes(), 4.0, result == null ? null : result.label,
                    a.asqAnswered(), MentalHealthQuestionnaire.ASQ_ITEMS.size()));
        }
        return out;
    }
}
