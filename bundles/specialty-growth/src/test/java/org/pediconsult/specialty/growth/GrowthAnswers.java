package org.pediconsult.specialty.growth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds growth answers as the consultation bundle hands them over (JSON values as Java). */
public final class GrowthAnswers {
    private final List<Map<String, Object>> measurements = new ArrayList<>();
    private final Map<String, Object> answers = new HashMap<>();

    public static GrowthAnswers answers() {
        GrowthAnswers a = new GrowthAnswers();
        a.answers.put("developmentalRegression", false);
        return a;
    }

    public static Map<String, Object> measurement(LocalDate date, Double weightKg, Double lengthHeightCm, String position,
                                                  Double headCm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date.toString());
        if (weightKg != null) {
            m.put("weightKg", weightKg);
        }
        if (lengthHeightCm != null) {
            m.put("lengthHeightCm", lengthHeightCm);
        }
        if (position != null) {
            m.put("position", position);
        }
        if (headCm != null) {
            m.put("headCm", headCm);
        }
        return m;
    }

    public GrowthAnswers with(Map<String, Object> measurement) {
        measurements.add(measurement);
        return this;
    }

    public GrowthAnswers put(String question, Object answer) {
        answers.put(question, answer);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> out = new HashMap<>(answers);
        out.put("measurements", new ArrayList<>(measurements));
        return out;
    }
}
