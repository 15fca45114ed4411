package org.pediconsult.specialty.nutrition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Nutrition answers as the consultation bundle hands them over (JSON values as Java). */
final class NutritionAnswersBuilder {
    private final Map<String, Object> answers = new HashMap<>();

    static NutritionAnswersBuilder measured(LocalDate date, double weightKg, double lengthHeightCm, String position) {
        NutritionAnswersBuilder b = new NutritionAnswersBuilder();
        b.answers.put("date", date.toString());
        b.answers.put("weightKg", weightKg);
        b.answers.put("lengthHeightCm", lengthHeightCm);
        b.answers.put("position", position);
        b.answers.put("bilateralOedema", false);
        return b;
    }

    NutritionAnswersBuilder put(String question, Object answer) {
        answers.put(question, answer);
        return this;
    }

    Map<String, Object> build() {
        return new HashMap<>(answers);
    }
}
