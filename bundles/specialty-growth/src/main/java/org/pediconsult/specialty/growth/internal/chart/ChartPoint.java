package org.pediconsult.specialty.growth.internal.chart;

/** One of the child's measurements on the chart; z and percentile are null outside the WHO tables. */
public final class ChartPoint {
    /** ISO date of the measurement. */
    public String date;
    public double x;
    public double value;
    public Double z;
    public Double percentile;
}
