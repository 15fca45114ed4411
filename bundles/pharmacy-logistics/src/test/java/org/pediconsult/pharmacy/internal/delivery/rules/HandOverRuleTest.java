package org.pediconsult.pharmacy.internal.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.pediconsult.pharmacy.api.RefusalReason;

class HandOverRuleTest {

    @Test
    void intactSealAndNoExcursionMayBeHandedOver() {
        assertNull(HandOverRule.refusalReason(false, true));
    }

    @Test
    void excursionRefusesWhateverTheSeal() {
        assertEquals(RefusalReason.TEMPERATURE_EXCURSION, HandOverRule.refusalReason(true, true));
        assertEquals(RefusalReason.TEMPERATURE_EXCURSION, HandOverRule.refusalReason(true, false));
    }

    @Test
    void brokenSealRefuses() {
        assertEquals(RefusalReason.SEAL_BROKEN, HandOverRule.refusalReason(false, false));
    }

    @Test
    void everyReasonHasAMessageInBothLanguages() {
        for (RefusalReason reason : RefusalReason.values()) {
            assertFalse(HandOverRule.messageEn(reason).isBlank(), reason.name());
            assertFalse(HandOverRule.messageZh(reason).isBlank(), reason.name());
        }
    }
}
