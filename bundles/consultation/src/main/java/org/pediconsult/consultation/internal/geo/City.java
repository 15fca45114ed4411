package org.pediconsult.consultation.internal.geo;

/** A prefecture-level city (or municipality) of the city table, with its seat's coordinates (WGS84). */
public record City(String code, String nameZh, String nameEn, String provinceZh, String provinceEn,
                   double latitude, double longitude) {

    /** Mean Earth radius (IUGG), km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle (haversine) distance to {@code other}, km. */
    public double distanceKm(City other) {
        return haversineKm(latitude, longitude, other.latitude, other.longitude);
    }

    /** Great-circle distance between two points given in decimal degrees, by the haversine formula, km. */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
