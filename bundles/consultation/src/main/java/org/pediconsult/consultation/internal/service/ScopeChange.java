package org.pediconsult.consultation.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What changed between two scopes, as one line for the audit trail and the log (codes and dates only). */
final class ScopeChange {
    private ScopeChange() {
    }

    /** Empty when nothing changed. */
    static String describe(PilotRules.Snapshot before, PilotRules.Snapshot after) {
        List<String> parts = new ArrayList<>();
        if (!before.scope().start().equals(after.scope().start()) || !before.scope().end().equals(after.scope().end())) {
            parts.add("window " + before.scope().start() + ".." + before.scope().end() + " -> " + after.scope().start()
                    + ".." + after.scope().end());
        }
        if (!before.zone().equals(after.zone())) {
            parts.add("zone " + before.zone() + " -> " + after.zone());
        }
        set(parts, "offered", before.scope().specialtyIds(), after.scope().specialtyIds());
        set(parts, "retired", before.scope().retiredIds(), after.scope().retiredIds());
        set(parts, "institutions", before.scope().institutions(), after.scope().institutions());
        return String.join("; ", parts);
    }

    private static void set(List<String> parts, String name, Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(name);
        added.forEach(a -> b.append(" +").append(a));
        removed.forEach(r -> b.append(" -").append(r));
        b.append(" (now ").append(after.isEmpty() ? "none" : String.join(",", new TreeSet<>(after))).append(')');
        parts.add(b.toString());
    }
}
