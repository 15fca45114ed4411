package org.pediconsult.consultation.internal.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The authority's pilot scope as configured: a window of days (both ends inclusive), the pilot
 * institutions and the pilot specialties.
 *
 * <p>Why it exists as one value: the authority authorised <em>initial</em> online consults only inside
 * this scope, and the scope changes by configuration, not by code. Keeping window, institutions and
 * specialties together means one consistent snapshot is used for a decision, even if the configuration
 * is updated meanwhile. Codes are matched exactly (after trimming at parse time).
 */
public final class PilotScope {

    static final String RULE_WINDOW = "pilot-window";
    static final String RULE_SPECIALTY = "pilot-specialty";

    private final LocalDate start;
    private final LocalDate end;
    private final Set<String> institutions;
    private final Set<String> specialtyIds;

    /**
     * @param start first day of the pilot window (inclusive)
     * @param end last day of the pilot window (inclusive)
     * @throws IllegalArgumentException if {@code start} is after {@code end}
     */
    public PilotScope(LocalDate start, LocalDate end, Set<String> institutions, Set<String> specialtyIds) {
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("pilot window start " + start + " is after its end " + end);
        }
        this.institutions = Set.copyOf(Objects.requireNonNull(institutions, "institutions"));
        this.specialtyIds = Set.copyOf(Objects.requireNonNull(specialtyIds, "specialtyIds"));
    }

    /**
     * Builds the scope from configuration strings: ISO dates and comma-separated codes. Items are
     * trimmed and empty items ignored, so {@code "a, b,,"} means {a, b}.
     *
     * @throws IllegalArgumentException on a missing or unparsable date, or start after end
     */
    public static PilotScope parse(String start, String end, String institutionsCsv, String specialtiesCsv) {
        return new PilotScope(date(start, "start"), date(end, "end"), csv(institutionsCsv), csv(specialtiesCsv));
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": pilot window date is missing");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": not an ISO date (yyyy-MM-dd): " + value, e);
        }
    }

    private static Set<String> csv(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Whether an <em>initial</em> online consult may take place: the day must be inside the window
     * (checked first, rule {@code pilot-window}), then the specialty must be a pilot specialty (rule
     * {@code pilot-specialty}).
     */
    public RuleDecision initialConsultAllowed(LocalDate day, String specialtyId) {
        Objects.requireNonNull(day, "day");
        if (day.isBefore(start) || day.isAfter(end)) {
            return RuleDecision.refuse(RULE_WINDOW,
                    day + " is outside the pilot window " + start + " to " + end
                            + " (inclusive); outside the pilot only follow-ups are allowed",
                    day + "不在试点期间" + start + "至" + end + "（含首尾两日）内；试点范围外仅可复诊");
        }
        if (specialtyId == null || !specialtyIds.contains(specialtyId)) {
            String pilot = String.join(", ", new TreeSet<>(specialtyIds));
            return RuleDecision.refuse(RULE_SPECIALTY,
                    "specialty '" + specialtyId + "' is not in the pilot (pilot specialties: " + pilot
                            + "); outside the pilot only follow-ups are allowed",
                    "专科'" + specialtyId + "'不在试点范围内（试点专科：" + pilot + "）；试点范围外仅可复诊");
        }
        return RuleDecision.allow();
    }

    /** Whether the institution is one of the pilot institutions (exact code match; {@code null} is not). */
    public boolean institutionInPilot(String institution) {
        return institution != null && institutions.contains(institution);
    }

    /**
     * Always {@code true}: follow-ups of pilot consults stay allowed outside the window, institutions
     * and specialties, so that a child seen during the pilot is not left without continuity of care when
     * the pilot ends or its scope shrinks.
     */
    public boolean followUpAllowed() {
        return true;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    /** Unmodifiable. */
    public Set<String> institutions() {
        return institutions;
    }

    /** Unmodifiable. */
    public Set<String> specialtyIds() {
        return specialtyIds;
    }

    @Override
    public String toString() {
        return "PilotScope[" + start + ".." + end + ", institutions=" + new TreeSet<>(institutions)
                + ", specialties=" + new TreeSet<>(specialtyIds) + "]";
    }
}
