package org.pediconsult.consultation.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.ChildContext;

class ChildContextsTest {
    private static ChildContext.Observation obs(String code, double value, String units, String day) {
        return new ChildContext.Observation(code, "LN", null, "x", String.valueOf(value), value, units, null,
                LocalDate.parse(day));
    }

    @Test
    void measurementsAreOnePerDayNewestFirstInKilogramsAndCentimetres() {
        List<ChildContext.Measurement> m = ChildContexts.measurements(List.of(
                obs("29463-7", 16500, "g", "2026-11-20"),
                obs("8302-2", 1.04, "m", "2026-11-20"),
                obs("9843-4", 495, "mm", "2026-11-20"),
                obs("29463-7", 15.0, "kg", "2026-05-02"),
                obs("8302-2", 100.0, "[in_i]", "2026-05-02"),
                obs("718-7", 120, "g/L", "2026-05-02")));
        assertEquals(2, m.size());
        assertEquals(LocalDate.parse("2026-11-20"), m.get(0).date());
        assertEquals(16.5, m.get(0).weightKg(), 1e-9);
        assertEquals(104.0, m.get(0).heightCm(), 1e-9);
        assertEquals(49.5, m.get(0).headCircumferenceCm(), 1e-9);
        assertEquals(15.0, m.get(1).weightKg(), 1e-9);
        assertNull(m.get(1).heightCm(), "a height in inches is not guessed");
        assertEquals("HIS", m.get(1).source());
    }

    @Test
    void theContextAnswersTheLatestWeightAndObservation() {
        List<ChildContext.Observation> o = List.of(obs("718-7", 101, "g/L", "2026-11-01"), obs("29463-7", 14, "kg", "2026-10-01"),
                obs("718-7", 120, "g/L", "2026-01-01"));
        ChildContext c = new ChildContext(null, LocalDate.parse("2022-03-15"), LocalDate.parse("2026-12-05"), null,
                ChildContexts.measurements(o), o, List.of());
        assertEquals(14.0, c.latestWeight().orElseThrow().weightKg(), 1e-9);
        assertEquals(101.0, c.latestObservation("718-7").orElseThrow().numericValue(), 1e-9);
        assertEquals(4, c.ageInYears());
        assertEquals(56, c.ageInMonths());
    }
}
