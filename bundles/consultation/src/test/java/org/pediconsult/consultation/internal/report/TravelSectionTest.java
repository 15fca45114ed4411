package org.pediconsult.consultation.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.consultation.internal.report.ReportDb.at;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.internal.geo.CityTable;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.SectionContent;

/**
 * Section "travel" on a known data set. Period 2026-03-01..2026-03-31 (Asia/Shanghai). Distances from the
 * shipped city table: Beijing (39.9075, 116.39723), Suzhou 苏州市 (31.30408, 120.59538), Shanghai (31.22222,
 * 121.45806); haversine with R = 6371.0088 km: Suzhou-Beijing 1028.851 km, Shanghai-Beijing 1068.259 km.
 *
 * <pre>
 * T1 T2 T3  growth     COMPLETED  HOSP-1 (Beijing)   guardian city 苏州市              -> 3 x 1028.851
 * T4        nutrition  COMPLETED  HOSP-1             no guardian city, HIS city 上海   -> 1068.259
 * T5        nutrition  COMPLETED  HOSP-1             no city, HIS city "Atlantis"      -> unknown
 * T6        growth     COMPLETED  OTHER-HOSP (no city configured), guardian 苏州市       -> unknown
 * T7        growth     CANCELLED  HOSP-1             苏州市                             -> not counted
 * T8        growth     COMPLETED  02-28 15:59Z (23:59 Beijing the day before from)      -> outside
 * T9        growth     COMPLETED  03-31 16:30Z (00:30 Beijing on 04-01)                 -> outside
 * </pre>
 * Total 3 x 1028.851 + 1068.259 = 4154.812 -> 4154.8 km over 4 consultations with a city (mean 1038.7);
 * completed 6, unknown 2. growth: 4 completed, 3 known, 3086.553 -> 3086.6; nutrition: 2, 1, 1068.3.
 * Origin cities: 苏州市 3 (shown), 上海市 1 (< 3: folded into other).
 */
class TravelSectionTest {
    @Test
    void travelSavedOfThePeriod() {
        ReportDb db = new ReportDb();
        db.child("k1", null);
        db.child("k2", "上海");
        db.child("k3", "Atlantis");
        db.guardian("g1", "苏州市");
        db.guardian("g2", null);
        db.guardian("g3", null);
        db.physician("p1", "PILOT-CHILDRENS-HOSPITAL-1");
        db.physician("p2", "OTHER-HOSP");
        String g = "growth-development";
        db.consultation("T1", "k1", "g1", g, "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-03-01T00:00:00Z"));
        db.consultation("T2", "k1", "g1", g, "FOLLOW_UP", "COMPLETED", "p1", null, null, at("2026-03-05T00:00:00Z"));
        db.consultation("T3", "k1", "g1", g, "FOLLOW_UP", "COMPLETED", "p1", null, null, at("2026-03-31T15:59:00Z"));
        db.consultation("T4", "k2", "g2", "nutrition", "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-03-06T00:00:00Z"));
        db.consultation("T5", "k3", "g3", "nutrition", "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-03-07T00:00:00Z"));
        db.consultation("T6", "k1", "g1", g, "INITIAL", "COMPLETED", "p2", "REMOTE_OK", null, at("2026-03-08T00:00:00Z"));
        db.consultation("T7", "k1", "g1", g, "INITIAL", "CANCELLED", "p1", "REMOTE_OK", null, at("2026-03-09T00:00:00Z"));
        db.consultation("T8", "k1", "g1", g, "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-02-28T15:59:00Z"));
        db.consultation("T9", "k1", "g1", g, "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-03-31T16:30:00Z"));

        TravelSection section = new TravelSection(db.db, CityTable.shipped(),
                Map.of("institution.PILOT-CHILDRENS-HOSPITAL-1.city", "Beijing", "pilot.zone", "Asia/Shanghai"));
        SectionContent s = section.compute(new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                ZoneId.of("Asia/Shanghai")));
        Map<String, Number> f = s.figures().stream().collect(Collectors.toMap(SectionContent.Figure::key,
                x -> x.value() == null ? -1 : x.value()));
        assertEquals(4154.8, f.get("km_total"), "3 x Suzhou-Beijing + Shanghai-Beijing");
        assertEquals(6L, f.get("completed"));
        assertEquals(4L, f.get("with_city"));
        assertEquals(2L, f.get("without_city"), "T5 (unknown family city), T6 (no hospital city)");
        assertEquals(1038.7, f.get("km_mean"));

        SectionContent.Table spec = s.tables().stream().filter(t -> t.id().equals("by-specialty")).findFirst().orElseThrow();
        assertEquals(List.of(List.of(g, 4L, 3L, 3086.6, 1028.9), List.of("nutrition", 2L, 1L, 1068.3, 1068.3)), spec.rows());

        SectionContent.Table origins = s.tables().stream().filter(t -> t.id().equals("origin-cities")).findFirst().orElseThrow();
        assertEquals(List.of(List.of(Label.of("苏州市", "Suzhou"), 3L, 3086.6), List.of(Label.of("其他", "other"), 1L, 1068.3)),
                origins.rows());
        assertTrue(s.notes().stream().anyMatch(n -> n.en().contains("OTHER-HOSP")), "institutions without a city are named");
    }

    @Test
    void hospitalCitiesFromTheConfiguration() {
        assertEquals(Map.of("PILOT-CHILDRENS-HOSPITAL-1", "北京", "H-2", "Beijing"), TravelSection.hospitalCities(
                Map.of("institution.PILOT-CHILDRENS-HOSPITAL-1.city", " 北京 ", "institution.H-2.city", "Beijing",
                        "institution..city", "x", "pilot.zone", "Asia/Shanghai")));
    }
}
