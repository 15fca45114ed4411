package org.pediconsult.pharmacy.internal.delivery.rules;

/**
 * How many failed delivery attempts a parcel gets ({@code max.attempts}, 3 by default) before it goes back
 * to the pharmacy. Attempts are counted including the one that just failed: with a maximum of 3, the first
 * and second failures may be retried, the third returns the parcel.
 */
public final class AttemptsPolicy {

    private AttemptsPolicy() {
    }

    /**
     * @param attemptsSoFar failed attempts including the one just failed (&gt;= 1)
     * @param maxAttempts the configured maximum (&gt;= 1)
     * @return the parcel must be returned rather than retried
     */
    public static boolean mustReturn(int attemptsSoFar, int maxAttempts) {
        if (attemptsSoFar < 1) {
            throw new IllegalArgumentException("attemptsSoFar: must be at least 1 after a failed attempt, was "
                    + attemptsSoFar);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be at least 1, was " + maxAttempts);
        }
        return attemptsSoFar >= maxAttempts;
    }

    /** Another attempt is still allowed: the opposite of {@link #mustReturn(int, int)}. */
    public static boolean mayRetry(int attemptsSoFar, int maxAttempts) {
        return !mustReturn(attemptsSoFar, maxAttempts);
    }
}
