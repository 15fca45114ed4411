package org.pediconsult.specialty.growth.internal.rules;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Signs of puberty before 8 years in a girl or 9 years in a boy: the conventional definition of
 * precocious puberty (Carel JC, Léger J, "Precocious puberty", N Engl J Med 2008; consensus
 * statement on GnRH analogues, Pediatrics 2009; Chinese Society of Pediatric Endocrinology
 * consensus 2022). It needs examination (Tanner staging), bone age and hormones: IN_PERSON. For a
 * child recorded as neither male nor female the later limit, 9 years, applies, so no early sign is
 * missed. Age is taken on the assessment day, when the signs are reported.
 */
public final class EarlyPubertyRule {
    static final int GIRL_LIMIT_YEARS = 8;
    static final int BOY_LIMIT_YEARS = 9;

    public Optional<Finding> evaluate(AssessmentInput.Sex sex, LocalDate birthDate, LocalDate on, Set<String> signs) {
        if (signs.isEmpty()) {
            return Optional.empty();
        }
        int limit = sex == AssessmentInput.Sex.FEMALE ? GIRL_LIMIT_YEARS : BOY_LIMIT_YEARS;
        if (!on.isBefore(birthDate.plusYears(limit))) {
            return Optional.empty();
        }
        return Optional.of(new Finding(TriageLevel.IN_PERSON,
                LocalizedText.of("出现青春期体征早于" + (limit == GIRL_LIMIT_YEARS ? "女孩8岁" : "男孩9岁") + "（疑似性早熟）",
                        "signs of puberty before age " + limit + " (possible precocious puberty)"),
                LocalizedText.of("请在两周内到儿童内分泌门诊面诊（需查体、骨龄及激素检查）",
                        "see a pediatric endocrinology clinic in person within two weeks (examination, bone age, hormone tests)")));
    }
}
