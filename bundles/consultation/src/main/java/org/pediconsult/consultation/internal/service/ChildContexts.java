package org.pediconsult.consultation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.consultation.internal.store.ObservationStore;
import org.pediconsult.consultation.internal.store.Rows;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.ChildContext;
import org.pediconsult.specialty.api.Respondent;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Builds what a specialty sees of a child (SPI 1.4 {@link ChildContext}): age and sex, who answers,
 * the hospital's observations (newest first, at most {@link ChildContext#MAX_OBSERVATIONS}), the
 * measurements among them (weight, height or length, head circumference by LOINC code, in kg and cm),
 * and the child's earlier consultations in the specialty. No names or identifiers are handed over as
 * such; the clinical free texts (an observation's text and value, an earlier diagnosis) go as recorded,
 * and a specialty bundle, installed by the hospital like any bundle, is trusted with them as it is with
 * the answers. The intake audits each context it builds (READ {@code child-context}).
 */
final class ChildContexts {
    static final Set<String> WEIGHT = Set.of("29463-7", "3141-9", "8335-2");
    static final Set<String> HEIGHT = Set.of("8302-2", "8306-3", "8308-9", "3137-7");
    static final Set<String> HEAD = Set.of("9843-4", "8287-5");

    private final ObservationStore observations = new ObservationStore();

    ChildContext build(Connection c, ChildDTO child, String specialtyId, LocalDate day, ZoneId zone,
                       Respondent respondent) throws SQLException {
        List<ChildContext.Observation> obs = new ArrayList<>();
        for (ObservationDTO o : observations.newestOfChild(c, child.id, ChildContext.MAX_OBSERVATIONS)) {
            obs.add(new ChildContext.Observation(o.code, o.codingSystem, o.alternateCode, o.text, o.value,
                    o.numericValue, o.units, o.abnormalFlags, o.observedAt == null ? null
                            : o.observedAt.atZone(zone).toLocalDate()));
        }
        return new ChildContext(sex(child.sex), child.birthDate, day, respondent, measurements(obs), obs,
                earlier(c, child.id, specialtyId, zone));
    }

    /** One measurement per day, from the observations with a known code and unit; newest first. */
    static List<ChildContext.Measurement> measurements(List<ChildContext.Observation> obs) {
        Map<LocalDate, Double[]> byDay = new LinkedHashMap<>();
        for (ChildContext.Observation o : obs) {
            if (o.numericValue() == null || o.observedOn() == null) {
                continue;
            }
            int slot = slot(o);
            Double value = slot < 0 ? null : convert(slot, o.numericValue(), o.units());
            if (value == null) {
                continue;
            }
            Double[] m = byDay.computeIfAbsent(o.observedOn(), d -> new Double[3]);
            if (m[slot] == null) {
                m[slot] = value;
            }
        }
        List<ChildContext.Measurement> out = new ArrayList<>();
        byDay.entrySet().stream().sorted(Map.Entry.<LocalDate, Double[]>comparingByKey().reversed())
                .forEach(e -> out.add(new ChildContext.Measurement(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], "HIS")));
        return out;
    }

    private static int slot(ChildContext.Observation o) {
        for (String code : new String[] {o.code(), o.alternateCode()}) {
            if (code == null) {
                continue;
            }
            if (WEIGHT.contains(code)) {
                return 0;
            }
            if (HEIGHT.contains(code)) {
                return 1;
            }
            if (HEAD.contains(code)) {
                return 2;
            }
        }
        return -1;
    }

    /** kg for weights, cm for lengths; null for a unit not known (never guessed). */
    static Double convert(int slot, double value, String units) {
        String u = units == null ? "" : units.trim().toLowerCase(Locale.ROOT);
        if (slot == 0) {
            switch (u) {
                case "kg": return value;
                case "g": return value / 1000.0;
                default: return null;
            }
        }
        switch (u) {
            case "cm": return value;
            case "m": return value * 100.0;
            case "mm": return value / 10.0;
            default: return null;
        }
    }

    private static List<ChildContext.EarlierConsultation> earlier(Connection c, String childId, String specialtyId,
                                                                   ZoneId zone) throws SQLException {
        return Rows.list(c, "SELECT created_at, kind, state, triage_level, diagnosis FROM consult_consultation "
                + "WHERE child_id = ? AND specialty_id = ? ORDER BY created_at DESC, id FETCH FIRST "
                + ChildContext.MAX_EARLIER + " ROWS ONLY", rs -> {
                    String level = rs.getString("triage_level");
                    TriageLevel triage = null;
                    if (level != null) {
                        try {
                            triage = TriageLevel.valueOf(level);
                        } catch (IllegalArgumentException e) {
                            triage = null;
                        }
                    }
                    return new ChildContext.EarlierConsultation(Rows.instant(rs, "created_at").atZone(zone).toLocalDate(),
                            rs.getString("kind"), rs.getString("state"), triage, rs.getString("diagnosis"));
                }, childId, specialtyId);
    }

    static AssessmentInput.Sex sex(String sex) {
        try {
            return AssessmentInput.Sex.valueOf(sex);
        } catch (IllegalArgumentException | NullPointerException e) {
            return AssessmentInput.Sex.UNKNOWN;
        }
    }
}
