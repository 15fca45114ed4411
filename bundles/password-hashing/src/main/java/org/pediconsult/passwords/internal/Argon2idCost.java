package org.pediconsult.passwords.internal;

/** The three Argon2id cost parameters, stored with every hash so that a later change of cost does not break old hashes. */
record Argon2idCost(int memoryKib, int iterations, int parallelism) {
    /** Upper bounds for a cost read back from a stored hash: a forged entry must not make a login allocate gigabytes. */
    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    Argon2idCost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1-" + MAX_PARALLELISM + ": " + parallelism);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be " + 8 * parallelism + "-" + MAX_MEMORY_KIB + " KiB: " + memoryKib);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1-" + MAX_ITERATIONS + ": " + iterations);
        }
    }
}
