package org.pediconsult.platform.internal.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Which unsatisfied components the bundles check lets pass: those that name the optional feature they wait for. */
class OptionalFeatureTest {
    private static ComponentDescriptionDTO component(Map<String, Object> properties) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = "org.example.Component";
        d.properties = properties;
        return d;
    }

    @Test
    void aComponentNamingTheFeatureItWaitsForMayWait() {
        assertTrue(HealthChecks.waitsForOptionalFeature(component(
                Map.of(HealthChecks.OPTIONAL_FEATURE, "pediconsult-pharmacy-logistics"))));
    }

    @Test
    void everyOtherComponentMustBeSatisfied() {
        assertFalse(HealthChecks.waitsForOptionalFeature(component(Map.of())));
        assertFalse(HealthChecks.waitsForOptionalFeature(component(null)));
        assertFalse(HealthChecks.waitsForOptionalFeature(component(Map.of(HealthChecks.OPTIONAL_FEATURE, " "))));
        assertFalse(HealthChecks.waitsForOptionalFeature(component(Map.of(HealthChecks.OPTIONAL_FEATURE, true))),
                "the value names the feature; a flag says nothing an operator can act on");
    }
}
