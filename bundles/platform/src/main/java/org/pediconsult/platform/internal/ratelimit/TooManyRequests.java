package org.pediconsult.platform.internal.ratelimit;

import org.pediconsult.platform.api.ProblemException;

/**
 * A call refused by a rate limit: answered {@code 429} problem+json {@code rate_limited} with
 * {@code Retry-After} (seconds), which the platform's problem mapper adds from {@link #retryAfterSeconds()}.
 */
public final class TooManyRequests extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(429, "rate_limited", detail + "; try again in " + Math.max(1, retryAfterSeconds) + " s", null);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
