package org.pediconsult.specialty.dermatology;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.Specialty;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.dermatology.internal.DermatologyFormulary;
import org.pediconsult.specialty.dermatology.internal.DermatologyQuestionnaire;
import org.pediconsult.specialty.dermatology.internal.triage.RashTriage;

/**
 * Pediatric dermatology (皮肤科) as a PediConsult specialty: a rash questionnaire with photos,
 * red-flag triage that sends meningococcal, SJS/TEN, cellulitis and eczema herpeticum signs to
 * in-person or emergency care, and a small topical/antihistamine formulary with age limits. Photos
 * are uploaded beforehand through {@code /api/dermatology/photos} and answered here as ids.
 *
 * <p>Stateless and side-effect free, as the SPI requires; every part is built once.
 */
@Component(service = Specialty.class)
public final class DermatologySpecialty implements Specialty {
    /** The id stored with consultations and used by {@code ChildRecords.isTreatingPhysician}. */
    public static final String ID = "dermatology";

    private final Questionnaire questionnaire = DermatologyQuestionnaire.build();
    private final List<FormularyEntry> formulary = DermatologyFormulary.entries();
    private final RashTriage triage = new RashTriage();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("皮肤科", "Dermatology");
    }

    @Override
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /**
     * A reported fever must come with the measured temperature: the physician needs it, and the
     * static questionnaire cannot express "required when fever is yes".
     */
    @Override
    public List<FieldProblem> validate(AssessmentInput assessment) {
        if (Boolean.TRUE.equals(assessment.answers.get(DermatologyQuestionnaire.FEVER))
                && !(assessment.answers.get(DermatologyQuestionnaire.TEMPERATURE_C) instanceof Number)) {
            return List.of(new FieldProblem("answers." + DermatologyQuestionnaire.TEMPERATURE_C,
                    "enter the highest measured temperature when the child has a fever"));
        }
        return List.of();
    }

    @Override
    public TriageResult triage(AssessmentInput assessment) {
        return triage.triage(assessment);
    }

    @Override
    public List<FormularyEntry> formulary() {
        return formulary;
    }

    @Override
    public LocalizedText noteTemplate() {
        return LocalizedText.of(
                "主诉：\n现病史（皮疹出现时间、演变、发热、瘙痒）：\n照片所见（部位、形态、分布、颜色、按压褪色）：\n"
                        + "红旗征象排查（不褪色皮疹、黏膜受累、水疱、快速扩散、湿疹疱疹）：\n诊断：\n处理（外用药、疗程、保湿）：\n"
                        + "复诊与就医指征：",
                "Complaint:\nHistory (onset, evolution, fever, itch):\nPhoto findings (site, morphology, distribution, "
                        + "colour, blanching):\nRed flags checked (non-blanching, mucosa, blisters, spreading, eczema "
                        + "herpeticum):\nDiagnosis:\nPlan (topicals, duration, emollients):\nFollow-up and safety-net advice:");
    }

    @Override
    public CodedValue hl7Coding() {
        return new CodedValue("PED-DERM", "Pediatric dermatology", "L");
    }
}
