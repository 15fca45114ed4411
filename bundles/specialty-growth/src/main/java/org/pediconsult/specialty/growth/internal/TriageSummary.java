package org.pediconsult.specialty.growth.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;

/**
 * Folds the rules' findings into one triage: the most urgent level wins, every distinct reason is
 * listed (the referring clinician needs all of them, not just the worst), and the advice is that of
 * the findings at the winning level.
 */
public final class TriageSummary {
    private TriageSummary() {
    }

    public static TriageResult of(List<Finding> findings, LocalizedText adviceWhenNothingFound) {
        if (findings.isEmpty()) {
            return TriageResult.remoteOk(adviceWhenNothingFound);
        }
        TriageLevel level = TriageLevel.REMOTE_OK;
        for (Finding f : findings) {
            level = level.max(f.level());
        }
        Set<LocalizedText> reasons = new LinkedHashSet<>();
        Set<LocalizedText> advice = new LinkedHashSet<>();
        for (Finding f : findings) {
            reasons.add(f.reason());
            if (f.level() == level) {
                advice.add(f.advice());
            }
        }
        return new TriageResult(level, new ArrayList<>(reasons), join(advice));
    }

    private static LocalizedText join(Set<LocalizedText> texts) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (LocalizedText t : texts) {
            zh.append(zh.length() == 0 ? "" : "；").append(t.zh);
            en.append(en.length() == 0 ? "" : "; ").append(t.en);
        }
        return LocalizedText.of(zh.toString(), en.toString());
    }
}
