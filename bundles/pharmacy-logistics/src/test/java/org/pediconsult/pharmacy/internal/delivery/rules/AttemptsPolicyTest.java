package org.pediconsult.pharmacy.internal.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttemptsPolicyTest {

    @Test
    void withMaxThreeTheThirdFailureReturnsTheParcel() {
        assertFalse(AttemptsPolicy.mustReturn(1, 3));
        assertFalse(AttemptsPolicy.mustReturn(2, 3));
        assertTrue(AttemptsPolicy.mustReturn(3, 3));
        assertTrue(AttemptsPolicy.mustReturn(4, 3));
        assertTrue(AttemptsPolicy.mayRetry(2, 3));
        assertFalse(AttemptsPolicy.mayRetry(3, 3));
    }

    @Test
    void withMaxOneTheFirstFailureReturns() {
        assertTrue(AttemptsPolicy.mustReturn(1, 1));
    }

    @Test
    void badCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AttemptsPolicy.mustReturn(0, 3));
        assertThrows(IllegalArgumentException.class, () -> AttemptsPolicy.mustReturn(1, 0));
    }
}
