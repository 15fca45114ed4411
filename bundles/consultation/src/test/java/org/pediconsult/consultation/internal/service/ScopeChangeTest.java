package org.pediconsult.consultation.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.internal.rules.PilotScope;

class ScopeChangeTest {

    /** A configuration as DS hands it over: the given keys, the annotation's defaults for the rest. */
    static ConsultationConfig config(Map<String, String> values) {
        return (ConsultationConfig) Proxy.newProxyInstance(ConsultationConfig.class.getClassLoader(),
                new Class<?>[] {ConsultationConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    @Test
    void aNewScopeReplacesTheOldForTheNextDecisionAndTheChangeIsDescribed() {
        PilotRules rules = new PilotRules(config(Map.of("pilot_institutions", "H1")));
        PilotRules.Snapshot before = rules.snapshot();
        assertEquals(PilotScope.Status.NOT_OFFERED, rules.scope().status("mental-health"));
        Map<String, String> next = new HashMap<>(Map.of("pilot_institutions", "H1,H2",
                "pilot_specialties", "growth-development,nutrition,dermatology,mental-health",
                "specialties_retired", "nutrition"));
        assertSame(before, rules.update(config(next)));
        assertEquals(PilotScope.Status.OFFERED, rules.scope().status("mental-health"));
        assertEquals(PilotScope.Status.RETIRED, rules.scope().status("nutrition"));
        assertEquals("offered +mental-health -nutrition (now dermatology,growth-development,mental-health); "
                        + "retired +nutrition (now nutrition); institutions +H2 (now H1,H2)",
                ScopeChange.describe(before, rules.snapshot()));
        assertEquals("", ScopeChange.describe(rules.snapshot(), rules.snapshot()));
    }

    @Test
    void aScopeThatDoesNotParseChangesNothing() {
        PilotRules rules = new PilotRules(config(Map.of()));
        PilotRules.Snapshot before = rules.snapshot();
        assertThrows(IllegalArgumentException.class,
                () -> rules.update(config(Map.of("pilot_start", "2027-01-01", "pilot_end", "2026-01-01"))));
        assertSame(before, rules.snapshot());
        assertThrows(RuntimeException.class, () -> rules.update(config(Map.of("pilot_zone", "Mars/Base"))));
        assertSame(before, rules.snapshot());
    }

    @Test
    void theWindowAndZoneChangesAreDescribed() {
        PilotRules rules = new PilotRules(config(Map.of()));
        PilotRules.Snapshot before = rules.snapshot();
        rules.update(config(Map.of("pilot_end", "2027-06-30", "pilot_zone", "Asia/Urumqi")));
        assertEquals("window 2026-01-01..2026-12-31 -> 2026-01-01..2027-06-30; zone Asia/Shanghai -> Asia/Urumqi",
                ScopeChange.describe(before, rules.snapshot()));
    }
}
