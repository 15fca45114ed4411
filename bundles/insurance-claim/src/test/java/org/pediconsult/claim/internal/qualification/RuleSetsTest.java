package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.props;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.ruleSets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RuleSetsTest {

    @Test
    void parsesEveryVersionWithItsDefaults() {
        RuleSets sets = ruleSets();
        assertEquals(List.of("2026-01", "2026-07"), sets.versions().stream().map(RuleSet::version).toList());
        RuleSet v1 = sets.versions().get(0);
        assertEquals(LocalDate.of(2026, 1, 1), v1.effectiveFrom());
        assertEquals(LocalDate.of(2026, 7, 1), v1.effectiveTo());
        assertEquals(Set.of("CH-1", "CH-2"), v1.institutions());
        assertEquals(Set.of("pediatric-dermatology", "pediatric-respiratory"), v1.specialties());
        assertEquals(LocalDate.of(2026, 1, 1), v1.windowStart());
        assertEquals(LocalDate.of(2026, 12, 31), v1.windowEnd());
        assertEquals("110200001", v1.initialItemCode());
        assertEquals(new BigDecimal("50.00"), v1.initialAmount());
        assertEquals("110200002", v1.followUpItemCode());
        assertEquals(new BigDecimal("35.00"), v1.followUpAmount());
        assertEquals(Set.of("310100"), v1.homeRegions());
        // defaults
        assertEquals(3, v1.minPracticeYears());
        assertEquals(new BigDecimal("0.00"), v1.referredPartialFee());
        assertFalse(v1.claimsReferredPartialFee());
        assertEquals(null, v1.referredItemCode());
        assertFalse(v1.crossRegion());
        assertEquals("DELIVERY", v1.deliveryItemCode());
        assertEquals(null, sets.versions().get(1).effectiveTo());
    }

    @Test
    void theVersionChangesOnItsFirstDay() {
        RuleSets sets = ruleSets();
        assertEquals("2026-01", sets.forDay(LocalDate.of(2026, 1, 1)).orElseThrow().version());
        assertEquals("2026-01", sets.forDay(LocalDate.of(2026, 6, 30)).orElseThrow().version());
        assertEquals("2026-07", sets.forDay(LocalDate.of(2026, 7, 1)).orElseThrow().version());
        assertEquals("2026-07", sets.forDay(LocalDate.of(2030, 1, 1)).orElseThrow().version());
    }

    @Test
    void noVersionBeforeTheFirstWithAClearReason() {
        RuleSets sets = ruleSets();
        LocalDate day = LocalDate.of(2025, 12, 31);
        assertTrue(sets.forDay(day).isEmpty());
        Reason r = sets.noRuleSet(day);
        assertEquals(RuleSets.RULE, r.rule());
        assertEquals("no claim rule set is in effect on 2025-12-31 (configured: 2026-01 (from 2026-01-01 until "
                + "2026-07-01), 2026-07 (from 2026-07-01, open-ended))", r.en());
        assertTrue(sets.forDay(null).isEmpty());
        assertEquals("the consultation's day is unknown: no claim rule set can be chosen", sets.noRuleSet(null).en());
    }

    @Test
    void aGapBetweenVersionsHasNoRuleSet() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-07.effective.from", "2026-08-01");
        RuleSets sets = RuleSets.parse(p);
        assertTrue(sets.forDay(LocalDate.of(2026, 7, 15)).isEmpty());
    }

    @Test
    void nothingConfigured() {
        RuleSets sets = RuleSets.parse(Map.of("service.pid", "x"));
        assertTrue(sets.versions().isEmpty());
        assertEquals("no claim rule set is configured: the consultation of 2026-03-16 cannot be claimed",
                sets.noRuleSet(LocalDate.of(2026, 3, 16)).en());
    }

    @Test
    void overlappingVersionsAreRefusedNamingBoth() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.effective.to", "2026-07-02");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p));
        assertEquals("invalid claim rule sets: rule-set versions 2026-01 (from 2026-01-01 until 2026-07-02) and "
                + "2026-07 (from 2026-07-01, open-ended) overlap (both in effect on 2026-07-01): set "
                + "ruleset.2026-01.effective.to to 2026-07-01 or earlier", e.getMessage());
    }

    @Test
    void twoOpenEndedVersionsOverlap() {
        Map<String, Object> p = props();
        p.remove("ruleset.2026-01.effective.to");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p));
        assertTrue(e.getMessage().contains("2026-01 (from 2026-01-01, open-ended) and 2026-07 (from 2026-07-01, "
                + "open-ended) overlap"), e.getMessage());
    }

    @Test
    void overlapRefusedForVersionsGivenDirectly() {
        RuleSet v1 = ruleSets().versions().get(0);
        RuleSet inside = new RuleSet("2026-03", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                v1.institutions(), v1.specialties(), v1.windowStart(), v1.windowEnd(), 3, "A", BigDecimal.TEN, "B",
                BigDecimal.ONE, null, null, v1.homeRegions(), false, "DELIVERY");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSets.of(v1, inside));
        assertTrue(e.getMessage().contains("2026-01 (from 2026-01-01 until 2026-07-01) and 2026-03"), e.getMessage());
    }

    @Test
    void missingRequiredKeysAreNamed() {
        Map<String, Object> p = props();
        p.remove("ruleset.2026-07.item.initial.code");
        p.remove("ruleset.2026-07.pilot.window.end");
        p.put("ruleset.2026-07.pilot.institutions", " ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p));
        assertTrue(e.getMessage().contains("missing required key ruleset.2026-07.item.initial.code"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required key ruleset.2026-07.pilot.window.end"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required key ruleset.2026-07.pilot.institutions"), e.getMessage());
    }

    @Test
    void aVersionWithOnlyAnEndIsMissingEverythingElse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleSets.parse(Map.of("ruleset.2027-01.effective.to", "2028-01-01")));
        assertTrue(e.getMessage().contains("missing required key ruleset.2027-01.effective.from"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required key ruleset.2027-01.pooling.home.regions"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedWithTheirValue() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.effective.from", "2026-13-01");
        p.put("ruleset.2026-07.item.initial.amount", "55.001");
        p.put("ruleset.2026-07.item.followup.amount", "-1");
        p.put("ruleset.2026-07.pooling.cross.region", "yes");
        p.put("ruleset.2026-07.physician.min.practice.years", "three");
        String m = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p)).getMessage();
        assertTrue(m.contains("ruleset.2026-01.effective.from: '2026-13-01' is not a date (yyyy-MM-dd)"), m);
        assertTrue(m.contains("ruleset.2026-07.item.initial.amount has more than 2 decimals: 55.001"), m);
        assertTrue(m.contains("ruleset.2026-07.item.followup.amount must not be negative: -1"), m);
        assertTrue(m.contains("ruleset.2026-07.pooling.cross.region: 'yes' is not true or false"), m);
        assertTrue(m.contains("ruleset.2026-07.physician.min.practice.years: 'three' is not a whole number"), m);
    }

    @Test
    void periodsAndWindowMustRunForward() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.effective.to", "2026-01-01");
        p.put("ruleset.2026-07.pilot.window.end", "2025-12-31");
        String m = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p)).getMessage();
        assertTrue(m.contains("ruleset.2026-01.effective.to (2026-01-01) must be after ruleset.2026-01.effective.from"
                + " (2026-01-01)"), m);
        assertTrue(m.contains("ruleset.2026-07.pilot.window.end (2025-12-31) is before ruleset.2026-07.pilot.window"
                + ".start (2026-01-01)"), m);
    }

    @Test
    void aMisspelledKeyIsRefused() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.pilot.instituions", "CH-3");
        String m = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p)).getMessage();
        assertTrue(m.startsWith("invalid claim rule sets: ruleset.2026-01.pilot.instituions: unknown key "
                + "'pilot.instituions'"), m);
    }

    @Test
    void typedValuesAsOsgiConfigurationGivesThem() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.pilot.institutions", new String[] {"CH-1", " CH-3 "});
        p.put("ruleset.2026-01.pilot.specialties", List.of("pediatric-ent"));
        p.put("ruleset.2026-01.physician.min.practice.years", 5);
        p.put("ruleset.2026-01.pooling.cross.region", Boolean.TRUE);
        p.put("ruleset.2026-01.referred.partial.fee", "30");
        p.put("ruleset.2026-01.referred.partial.code", "110200009");
        p.put("ruleset.2026-01.item.delivery.code", "DLV-01");
        RuleSet v1 = RuleSets.parse(p).versions().get(0);
        assertEquals(Set.of("CH-1", "CH-3"), v1.institutions());
        assertEquals(Set.of("pediatric-ent"), v1.specialties());
        assertEquals(5, v1.minPracticeYears());
        assertTrue(v1.crossRegion());
        assertEquals(new BigDecimal("30.00"), v1.referredPartialFee());
        assertEquals("110200009", v1.referredItemCode());
        assertEquals("DLV-01", v1.deliveryItemCode());
    }
}
