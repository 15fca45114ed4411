package org.pediconsult.specialty.growth.internal;

import java.time.LocalDate;
import java.time.Period;

import org.pediconsult.growth.who.Position;

/**
 * One dated measurement from {@code answers.measurements}; {@code index} is its place in the answer
 * so that problems can name {@code answers.measurements[index]}. Any value may be absent: a
 * guardian often knows the weight of a visit but not the length.
 */
public record Measurement(int index, LocalDate date, Double weightKg, Double lengthHeightCm, Position position,
                          Double headCm) {

    /** Age in days on the measurement day: the WHO tables are indexed by days. */
    public long ageDays(LocalDate birthDate) {
        return date.toEpochDay() - birthDate.toEpochDay();
    }

    /** Completed months on the measurement day, as clinical age cut-offs (24 months, 6-59 months) are stated. */
    public int ageMonths(LocalDate birthDate) {
        return (int) Period.between(birthDate, date).toTotalMonths();
    }
}
