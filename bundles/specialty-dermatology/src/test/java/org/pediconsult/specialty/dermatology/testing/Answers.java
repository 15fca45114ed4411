package org.pediconsult.specialty.dermatology.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pediconsult.specialty.api.AssessmentInput;

/** A valid, red-flag-free rash assessment to vary one answer at a time. */
public final class Answers {
    public static final LocalDate ASSESSED_ON = LocalDate.of(2026, 11, 25);
    private final Map<String, Object> answers = new HashMap<>();
    private long ageInDays = 3 * 365;

    private Answers() {
        answers.put("photos", List.of("6f1c2d9e-0a4b-4c1d-9f3e-2b7a8c5d4e10"));
        answers.put("rashDays", 3);
        answers.put("fever", false);
        answers.put("nonBlanchingSpots", false);
        answers.put("mucosalInvolvement", false);
        answers.put("blistering", false);
        answers.put("rapidlySpreadingRedness", false);
        answers.put("eczemaWithPainfulPunchedOutSores", false);
        answers.put("itch", true);
        answers.put("location", List.of("ARMS"));
    }

    public static Answers calm() {
        return new Answers();
    }

    public Answers with(String id, Object value) {
        answers.put(id, value);
        return this;
    }

    public Answers without(String id) {
        answers.remove(id);
        return this;
    }

    /** Fever as a guardian reports it: the yes answer and the measured temperature. */
    public Answers fever() {
        return with("fever", true).with("temperatureC", 38.6);
    }

    public Answers ageInDays(long days) {
        this.ageInDays = days;
        return this;
    }

    public AssessmentInput input() {
        return new AssessmentInput(AssessmentInput.Sex.FEMALE, ASSESSED_ON.minusDays(ageInDays), ASSESSED_ON, answers);
    }
}
