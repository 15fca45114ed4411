package org.pediconsult.specialty.mentalhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.Respondent;

/** validate(): who answers the self-report instruments, and the duration's plausibility. */
class MentalHealthValidateTest {
    private final MentalHealthSpecialty specialty = new MentalHealthSpecialty();

    private List<FieldProblem> validate(Screening s) {
        return specialty.validate(s.input());
    }

    @Test
    void aGuardianAnsweringTheSelfReportOfATeenagerIsRefusedInBothLanguages() {
        List<FieldProblem> problems = validate(Screening.aged(14).by(Respondent.GUARDIAN));
        assertEquals(1, problems.size());
        FieldProblem p = problems.get(0);
        assertEquals("respondent", p.field);
        assertTrue(p.message.en.contains("answered by the child themself, with the guardian present"), p.message.en);
        assertTrue(p.message.zh.contains("孩子本人在监护人陪同下回答"), p.message.zh);
        assertEquals(p.message.en, p.detail);
    }

    @Test
    void aGuardianAnsweringForATenYearOldIsRefusedButNotForANineYearOld() {
        assertEquals("respondent", validate(Screening.aged(10).by(Respondent.GUARDIAN)).get(0).field);
        assertEquals(List.of(), validate(Screening.aged(9, 11).by(Respondent.GUARDIAN)));
    }

    @Test
    void theTeenagerAnsweringIsAccepted() {
        assertEquals(List.of(), validate(Screening.aged(14).by(Respondent.CHILD)));
        assertEquals(List.of(), validate(Screening.aged(17, 11).by(Respondent.CHILD)));
    }

    @Test
    void aChildUnderTenCannotAnswerTheGuardiansQuestions() {
        List<FieldProblem> problems = validate(Screening.aged(8).by(Respondent.CHILD));
        assertEquals(1, problems.size());
        assertEquals("respondent", problems.get(0).field);
        assertTrue(problems.get(0).message.zh.contains("监护人回答"));
    }

    @Test
    void atEighteenNoSelfReportIsAskedSoTheGuardianMayAnswer() {
        assertEquals(List.of(), validate(Screening.aged(18).by(Respondent.GUARDIAN)));
    }

    @Test
    void aDurationLongerThanTheChildsLifeIsRefusedWithoutTheValue() {
        Screening baby = Screening.aged(1).put("concernWeeks", 60);
        List<FieldProblem> problems = validate(baby);
        assertEquals(1, problems.size());
        assertEquals("answers.concernWeeks", problems.get(0).field);
        assertTrue(!problems.get(0).message.en.contains("60") && !problems.get(0).message.zh.contains("60"));
        int weeksLived = (int) (baby.input().ageInDays() / 7);
        assertEquals(List.of(), validate(Screening.aged(1).put("concernWeeks", weeksLived)));
        assertEquals(1, validate(Screening.aged(1).put("concernWeeks", weeksLived + 1)).size());
    }
}
