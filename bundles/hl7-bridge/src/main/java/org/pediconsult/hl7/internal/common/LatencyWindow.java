package org.pediconsult.hl7.internal.common;

import java.util.Arrays;

/** The last N latencies of a channel (ms), for its metrics: count, p50, p99 and max of the window. */
public final class LatencyWindow {
    private final double[] values;
    private long count;

    public LatencyWindow(int size) {
        this.values = new double[size];
    }

    public synchronized void add(double millis) {
        values[(int) (count % values.length)] = millis;
        count++;
    }

    /** {count, p50, p99, max} over the window; zeros when empty. */
    public synchronized double[] summary() {
        int n = (int) Math.min(count, values.length);
        if (n == 0) {
            return new double[] {0, 0, 0, 0};
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new double[] {count, sorted[(int) Math.floor(0.5 * (n - 1))], sorted[(int) Math.ceil(0.99 * (n - 1))],
                sorted[n - 1]};
    }
}
