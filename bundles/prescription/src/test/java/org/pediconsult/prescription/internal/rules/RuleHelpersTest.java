package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

/** Frequency, Units and RuleContext's age helpers. */
class RuleHelpersTest {

    @ParameterizedTest
    @CsvSource({"QD, 1, 24", "BID, 2, 12", "TID, 3, 8", "QID, 4, 6", "Q4H, 6, 4", "Q6H, 4, 6", "Q8H, 3, 8", "Q12H, 2, 12"})
    void frequencies(String code, int doses, int hours) {
        Frequency f = Frequency.parse(code);
        assertEquals(doses, f.dosesPerDay);
        assertEquals(hours, f.intervalHours);
        assertEquals(f, Frequency.parse(code.toLowerCase()));
    }

    @Test
    void unknownFrequencyIsNull() {
        assertNull(Frequency.parse("Q3H"));
        assertNull(Frequency.parse("twice a day"));
        assertNull(Frequency.parse(""));
        assertNull(Frequency.parse(null));
        assertEquals(Frequency.BID, Frequency.parse(" bid "));
    }

    @Test
    void numbersWithoutTrailingZeros() {
        assertEquals("15", Units.num(15.0));
        assertEquals("2.5", Units.num(2.50));
        assertEquals("16.2", Units.num(162.0 / 10));
        assertEquals("0.3", Units.num(0.1 + 0.2));
        assertEquals("4000", Units.num(4000));
        assertEquals("0", Units.num(0));
        assertEquals("0.333", Units.num(1.0 / 3));
        assertEquals("2.5 mg", Units.amount(2.5, Unit.MG));
        assertEquals("400 IU", Units.amount(400, Unit.IU));
        assertEquals("mL/kg", Units.perKg(Unit.ML));
        assertEquals("microgram", Units.label(Unit.MICROGRAM));
    }

    @Test
    void atTheLimitPassesDespiteRounding() {
        assertTrue(Units.atMost(0.1 + 0.2, 0.3));
        assertTrue(Units.atMost(50.0 / 14 * 2 * 7, 50));
        assertFalse(Units.atMost(50.0001, 50));
        assertTrue(Units.atLeast(4.9999999999999, 5));
        assertFalse(Units.atLeast(4.999, 5));
    }

    @Test
    void fullMonthsAndDays() {
        assertEquals(0, RuleContext.fullMonths(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28)));
        assertEquals(1, RuleContext.fullMonths(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1)));
        assertEquals(2, RuleContext.fullMonths(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 6, 15)));
        assertEquals(3, RuleContext.fullMonths(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 15)));
        assertEquals(90, RuleContext.fullDays(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 6, 15)));
        assertEquals(-1, RuleContext.fullDays(LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 15)));
    }
}
