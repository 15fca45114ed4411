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
    static final String RULE_RETIRED = "specialty-retired";

    /** Where an installed specialty stands in the scope. */
    public enum Status {
        /** In {@code pilot.specialties}: initial online consults may be requested. */
        OFFERED,
        /** Installed but in neither list: shown, nothing new may start. */
        NOT_OFFERED,
        /** In {@code specialties.retired}: nothing new may start; open consultations are finished. */
        RETIRED
    }

    private final LocalDate start;
    private final LocalDate end;
    private final Set<String> institutions;
    private final Set<String> specialtyIds;
    private final Set<String> retiredIds;

    public PilotScope(LocalDate start, LocalDate end, Set<String> institutions, Set<String> specialtyIds) {
        this(start, end, institutions, specialtyIds, Set.of());
    }

    /**
     * @param start first day of the pilot window (inclusive)
     * @param end last day of the pilot window (inclusive)
     * @throws IllegalArgumentException if {@code start} is after {@code end}
     */
    public PilotScope(LocalDate start, LocalDate end, Set<String> institutions, Set<String> specialtyIds,
                      Set<String> retiredIds) {
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("pilot window start " + start + " is after its end " + end);
        }
        this.institutions = Set.copyOf(Objects.requireNonNull(institutions, "institutions"));
        this.retiredIds = Set.copyOf(Objects.requireNonNull(retiredIds, "retiredIds"));
        Set<String> offered = new LinkedHashSet<>(Objects.requireNonNull(specialtyIds, "specialtyIds"));
        offered.removeAll(this.retiredIds);
        this.specialtyIds = Set.copyOf(offered);
    }

    /**
     * Builds the scope from configuration strings: ISO dates and comma-separated codes. Items are
     * trimmed and empty items ignored, so {@code "a, b,,"} means {a, b}.
     *
     * @throws IllegalArgumentException on a missing or unparsable date, or start after end
     */
    public static PilotScope parse(String start, String end, String institutionsCsv, String specialtiesCsv) {
        return parse(start, end, institutionsCsv, specialtiesCsv, "");
    }

    /** As {@link #parse(String, String, String, String)}, with the retired specialties (retired wins over offered). */
    public static PilotScope parse(String start, String end, String institutionsCsv, String specialtiesCsv,
                                   String retiredCsv) {
        return new PilotScope(date(start, "start"), date(end, "end"), csv(institutionsCsv), csv(specialtiesCsv),
                csv(retiredCsv));
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
        if (specialtyId != null && retiredIds.contains(specialtyId)) {
            return retired(specialtyId);
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

    /**
     * Whether an initial consult already requested may be booked on this day: inside the window, and
     * its specialty offered or retired (a retired specialty's open consultations are finished; only a
     * specialty taken out of the scope altogether refuses, rule {@code pilot-specialty}).
     */
    public RuleDecision initialBookingAllowed(LocalDate day, String specialtyId) {
        if (specialtyId != null && retiredIds.contains(specialtyId)) {
            RuleDecision window = initialConsultAllowed(day, null);
            return RULE_WINDOW.equals(window.rule()) ? window : RuleDecision.allow();
        }
        return initialConsultAllowed(day, specialtyId);
    }

    /** Whether a follow-up may be opened: any specialty but a retired one (rule {@code specialty-retired}). */
    public RuleDecision followUpAllowed(String specialtyId) {
        return retiredIds.contains(specialtyId) ? retired(specialtyId) : RuleDecision.allow();
    }

    private static RuleDecision retired(String specialtyId) {
        return RuleDecision.refuse(RULE_RETIRED, "specialty '" + specialtyId + "' is retired: no new consultations; "
                        + "open ones are finished, cancelled or referred",
                "专科'" + specialtyId + "'已停止服务：不再接受新的问诊；进行中的问诊可完成、取消或转诊");
    }

    /** Where this specialty stands. */
    public Status status(String specialtyId) {
        if (retiredIds.contains(specialtyId)) {
            return Status.RETIRED;
        }
        return specialtyIds.contains(specialtyId) ? Status.OFFERED : Status.NOT_OFFERED;
    }

    /** Unmodifiable. */
    public Set<String> retiredIds() {
        return retiredIds;
    }

    /** Whether the institution is one of the pilot institutions (exact code match; {@code null} is not). */
    public boolean institutionInPilot(String institution) {
        return institution != null && institutions.contains(institution);
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
    public boolean equals(Object o) {
        return o instanceof PilotScope && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "PilotScope[" + start + ".." + end + ", institutions=" + new TreeSet<>(institutions)
                + ", specialties=" + new TreeSet<>(specialtyIds) + ", retired=" + new TreeSet<>(retiredIds) + "]";
    }
}
