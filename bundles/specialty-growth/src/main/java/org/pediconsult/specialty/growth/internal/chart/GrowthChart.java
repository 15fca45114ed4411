package org.pediconsult.specialty.growth.internal.chart;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/growth/chart}: the child's points and the WHO reference curves at
 * z = -3..+3 (keys "-3".."3", each a list of [x, y] pairs), ready for a chart library.
 */
public final class GrowthChart {
    public String childId;
    /** The indicator as named in the request, e.g. {@code weight-for-age}. */
    public String indicator;
    /** MALE or FEMALE: the WHO standard used. */
    public String sex;
    public String unit;
    /** {@code ageDays} or {@code lengthHeightCm}. */
    public String xAxis;
    public List<ChartPoint> points;
    public Map<String, List<double[]>> curves;
}
