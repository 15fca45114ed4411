package org.pediconsult.specialty.growth.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.pediconsult.growth.who.Position;
import org.pediconsult.specialty.api.Answers;

/**
 * The {@code measurements} answer as {@link Measurement}s. Entries without a readable date are
 * skipped (the questionnaire requires the date, so only a malformed stored assessment has them).
 */
public final class MeasurementAnswers {
    public static final String QUESTION = "measurements";

    private MeasurementAnswers() {
    }

    /** All dated entries, in answer order. */
    public static List<Measurement> parse(Map<String, Object> answers) {
        List<Measurement> out = new ArrayList<>();
        Object list = answers.get(QUESTION);
        if (!(list instanceof List)) {
            return out;
        }
        List<?> entries = (List<?>) list;
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map)) {
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) entries.get(i);
            LocalDate date = Answers.date(m, "date");
            if (date != null) {
                out.add(new Measurement(i, date, Answers.number(m, "weightKg"),
                        Answers.number(m, "lengthHeightCm"), Position.of(m.get("position")),
                        Answers.number(m, "headCm")));
            }
        }
        return out;
    }

    /**
     * Entries dated from birth to {@code lastDay}, oldest first (stable for equal dates, so that the
     * later-entered of two same-day entries counts as the latest).
     */
    public static List<Measurement> chronological(List<Measurement> all, LocalDate birthDate, LocalDate lastDay) {
        List<Measurement> out = new ArrayList<>();
        for (Measurement m : all) {
            if (!m.date().isBefore(birthDate) && !m.date().isAfter(lastDay)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Measurement::date));
        return out;
    }
}
