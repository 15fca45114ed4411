package org.pediconsult.itest.specialty;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.Specialty;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;

/**
 * The smallest complete specialty, a bundle of its own installed by the tests to prove the SPI: a
 * questionnaire, a triage with EMERGENCY, IN_PERSON and REMOTE_OK outcomes, a one-line formulary.
 */
@Component(service = Specialty.class)
public final class AllergyTestSpecialty implements Specialty {
    public static final String ID = "itest-allergy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("过敏（测试）", "Allergy (test)");
    }

    @Override
    public Questionnaire questionnaire() {
        return new Questionnaire("1", List.of(
                Question.yesNo("fever", LocalizedText.of("发热", "Fever"), true),
                Question.number("temperatureC", LocalizedText.of("体温", "Temperature"), false, 34, 43, "°C"),
                Question.integer("rashDays", LocalizedText.of("皮疹天数", "Days of rash"), true, 0, 60, "d"),
                Question.multiChoice("symptoms", LocalizedText.of("症状", "Symptoms"), false, List.of(
                        new Question.Option("ITCH", LocalizedText.of("瘙痒", "Itch")),
                        new Question.Option("WHEEZE", LocalizedText.of("喘息", "Wheeze")))),
                Question.text("notes", LocalizedText.of("其他", "Other concerns"), false, 500)));
    }

    @Override
    public TriageResult triage(AssessmentInput a) {
        Object t = a.answers.get("temperatureC");
        if (t instanceof Number && ((Number) t).doubleValue() >= 40.0) {
            return new TriageResult(TriageLevel.EMERGENCY, List.of(LocalizedText.of("高热 ≥ 40 °C", "high fever >= 40 °C")),
                    LocalizedText.of("请立即前往急诊", "go to an emergency department now"));
        }
        Object symptoms = a.answers.get("symptoms");
        if (symptoms instanceof List && ((List<?>) symptoms).contains("WHEEZE")) {
            return new TriageResult(TriageLevel.IN_PERSON, List.of(LocalizedText.of("喘息需面诊", "wheeze needs an in-person exam")),
                    LocalizedText.of("请一周内到儿科门诊就诊", "see a pediatrician in person within a week"));
        }
        return TriageResult.remoteOk(LocalizedText.of("可以在线问诊", "suitable for an online consult"));
    }

    @Override
    public List<FormularyEntry> formulary() {
        List<FormularyEntry> f = new ArrayList<>();
        f.add(new FormularyEntry("CETIRIZINE-DROPS", LocalizedText.of("西替利嗪滴剂", "Cetirizine drops"), "oral drops",
                0.25, null, 10.0, 5.0, 6, FormularyEntry.ControlledClass.NONE));
        // a specialty that lists a controlled drug: the prescription bundle refuses it online all the same
        f.add(new FormularyEntry("CHLORAL-HYDRATE", LocalizedText.of("水合氯醛口服液", "Chloral hydrate oral solution"),
                "oral solution 10%", 50.0, null, 1000.0, 1000.0, 0, FormularyEntry.ControlledClass.PSYCHOTROPIC_II));
        // a cold-chain item (label storage 2-8 °C): its parcel carries a temperature logger
        f.add(FormularyEntry.builder("LACTOBACILLUS-DROPS", LocalizedText.of("罗伊氏乳杆菌滴剂（2-8 °C冷藏）",
                "Lactobacillus reuteri drops (keep at 2-8 °C)"), "oral drops, refrigerated").unit(FormularyEntry.Unit.ML)
                .maxPerDose(0.5).maxDosesPerDay(1).ingredient("lactobacillus-reuteri").storage(FormularyEntry.Storage.COLD_2_8)
                .build());
        return f;
    }

    @Override
    public LocalizedText noteTemplate() {
        return LocalizedText.of("主诉：\n检查：\n诊断：\n处理：", "Complaint:\nFindings:\nDiagnosis:\nPlan:");
    }

    @Override
    public CodedValue hl7Coding() {
        return new CodedValue("ITEST-ALG", "Allergy (test)", "L");
    }
}
