package org.pediconsult.platform.internal.bundles;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** Which installed bundles {@code GET /api/platform/bundles} lists, and how it describes each one. */
final class BundleListing {
    /** The PediConsult bundles (as in the health check). */
    static final String PREFIX = "org.pediconsult.";
    /** Looked up by name: a third-party specialty bundle is listed too, and platform needs no specialty-api import. */
    static final String SPECIALTY_SERVICE = "org.pediconsult.specialty.api.Specialty";

    private static final Comparator<Bundle> ORDER = Comparator
            .comparing(Bundle::getSymbolicName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Bundle::getVersion)
            .thenComparingLong(Bundle::getBundleId);

    private BundleListing() {
    }

    /**
     * Every bundle when {@code all}; otherwise the PediConsult bundles and the bundles with an id in
     * {@code specialtyProviders}. Sorted by symbolic name (then version, then id).
     */
    static List<Map<String, Object>> list(Bundle[] bundles, Set<Long> specialtyProviders, boolean all) {
        return Arrays.stream(bundles)
                .filter(b -> all || isPediConsult(b) || specialtyProviders.contains(b.getBundleId()))
                .sorted(ORDER)
                .map(BundleListing::describe)
                .collect(Collectors.toList());
    }

    static boolean isPediConsult(Bundle b) {
        String name = b.getSymbolicName();
        return name != null && name.startsWith(PREFIX);
    }

    /** id, symbolicName, name (Bundle-Name), version, state, lastModified (ISO instant). */
    static Map<String, Object> describe(Bundle b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.getBundleId());
        m.put("symbolicName", b.getSymbolicName());
        m.put("name", b.getHeaders() == null ? null : b.getHeaders().get(Constants.BUNDLE_NAME));
        m.put("version", String.valueOf(b.getVersion()));
        m.put("state", state(b.getState()));
        m.put("lastModified", Instant.ofEpochMilli(b.getLastModified()).toString());
        return m;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }
}
