package org.pediconsult.consultation.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pediconsult.consultation.internal.report.ReportDb.at;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.SectionContent;

/**
 * Sections "consultations" and "safety" on a known data set (H2, the bundle's migrations). Period
 * 2026-03-01..2026-04-30 in Asia/Shanghai (UTC+8): [2026-02-28T16:00Z, 2026-04-30T16:00Z).
 *
 * <pre>
 * id  specialty  kind      state      institution  triage     created (UTC)        timeline (UTC)
 * C1  growth     INITIAL   COMPLETED  HOSP-1       REMOTE_OK  03-02 01:00          wait 03-05 01:50, admit 02:00, pause 02:05, resume 02:07, done 02:20
 * C2  growth     INITIAL   COMPLETED  HOSP-1       REMOTE_OK  03-10 00:00          wait 01:00, admit 01:30, done 02:10
 * C3  nutrition  INITIAL   REFERRED   (none)       EMERGENCY  04-01 02:00          referred at triage, "fever above 40"
 * C4  nutrition  INITIAL   REFERRED   HOSP-1       REMOTE_OK  04-02 00:00          wait 00:10, admit 00:20, pause 00:25, end-and-refer 00:30 "needs imaging"
 * C5  growth     FOLLOW_UP COMPLETED  HOSP-1       (none)     04-30 15:00 (23:00 Beijing, inside)  wait 05-01 00:00, admit 00:05, done 00:35
 * C6  growth     INITIAL   NO_SHOW    HOSP-1       REMOTE_OK  03-15 00:00
 * C7  dermatol.  INITIAL   CANCELLED  (none)       REMOTE_OK  03-20 00:00
 * C8  dermatol.  INITIAL   ASSESSED   (none)       REMOTE_OK  04-10 00:00
 * E1  growth     INITIAL   COMPLETED  HOSP-1       REMOTE_OK  02-28 12:00 (20:00 Beijing, the day before from): outside
 * E2  nutrition  INITIAL   REFERRED   (none)       EMERGENCY  04-30 16:30 (00:30 Beijing on 05-01): outside
 * </pre>
 */
class ConsultationsAndSafetySectionTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), ZONE);
    private ReportDb db;

    @BeforeEach
    void data() {
        db = new ReportDb();
        db.child("k1", null);
        db.guardian("g1", null);
        db.physician("p1", "PILOT-CHILDRENS-HOSPITAL-1");
        db.consultation("C1", "k1", "g1", "growth-development", "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-03-02T01:00:00Z"));
        db.transition("C1", null, "REQUESTED", "REQUEST", "2026-03-02T01:00:00Z");
        db.transition("C1", "REQUESTED", "ASSESSED", "ASSESS_REMOTE_OK", "2026-03-02T01:00:00Z");
        db.transition("C1", "ASSESSED", "SCHEDULED", "BOOK", "2026-03-02T01:01:00Z");
        db.transition("C1", "SCHEDULED", "WAITING", "ENTER_WAITING_ROOM", "2026-03-05T01:50:00Z");
        db.transition("C1", "WAITING", "IN_PROGRESS", "ADMIT", "2026-03-05T02:00:00Z");
        db.transition("C1", "IN_PROGRESS", "PAUSED", "PAUSE", "2026-03-05T02:05:00Z");
        db.transition("C1", "PAUSED", "IN_PROGRESS", "RESUME", "2026-03-05T02:07:00Z");
        db.transition("C1", "IN_PROGRESS", "COMPLETED", "COMPLETE", "2026-03-05T02:20:00Z");

        db.consultation("C2", "k1", "g1", "growth-development", "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-03-10T00:00:00Z"));
        db.transition("C2", "SCHEDULED", "WAITING", "ENTER_WAITING_ROOM", "2026-03-10T01:00:00Z");
        db.transition("C2", "WAITING", "IN_PROGRESS", "ADMIT", "2026-03-10T01:30:00Z");
        db.transition("C2", "IN_PROGRESS", "COMPLETED", "COMPLETE", "2026-03-10T02:10:00Z");

        db.consultation("C3", "k1", "g1", "nutrition", "INITIAL", "REFERRED", null, "EMERGENCY", "fever above 40", at("2026-04-01T02:00:00Z"));
        db.transition("C3", "REQUESTED", "REFERRED", "REFER_FROM_TRIAGE", "2026-04-01T02:00:00Z");

        db.consultation("C4", "k1", "g1", "nutrition", "INITIAL", "REFERRED", "p1", "REMOTE_OK", "needs imaging", at("2026-04-02T00:00:00Z"));
        db.transition("C4", "SCHEDULED", "WAITING", "ENTER_WAITING_ROOM", "2026-04-02T00:10:00Z");
        db.transition("C4", "WAITING", "IN_PROGRESS", "ADMIT", "2026-04-02T00:20:00Z");
        db.transition("C4", "IN_PROGRESS", "PAUSED", "PAUSE", "2026-04-02T00:25:00Z");
        db.transition("C4", "PAUSED", "REFERRED", "END_AND_REFER", "2026-04-02T00:30:00Z");

        db.consultation("C5", "k1", "g1", "growth-development", "FOLLOW_UP", "COMPLETED", "p1", null, null, at("2026-04-30T15:00:00Z"));
        db.transition("C5", "SCHEDULED", "WAITING", "ENTER_WAITING_ROOM", "2026-05-01T00:00:00Z");
        db.transition("C5", "WAITING", "IN_PROGRESS", "ADMIT", "2026-05-01T00:05:00Z");
        db.transition("C5", "IN_PROGRESS", "COMPLETED", "COMPLETE", "2026-05-01T00:35:00Z");

        db.consultation("C6", "k1", "g1", "growth-development", "INITIAL", "NO_SHOW", "p1", "REMOTE_OK", null, at("2026-03-15T00:00:00Z"));
        db.consultation("C7", "k1", "g1", "dermatology", "INITIAL", "CANCELLED", null, "REMOTE_OK", null, at("2026-03-20T00:00:00Z"));
        db.consultation("C8", "k1", "g1", "dermatology", "INITIAL", "ASSESSED", null, "REMOTE_OK", null, at("2026-04-10T00:00:00Z"));

        db.consultation("E1", "k1", "g1", "growth-development", "INITIAL", "COMPLETED", "p1", "REMOTE_OK", null, at("2026-02-28T12:00:00Z"));
        db.transition("E1", "SCHEDULED", "WAITING", "ENTER_WAITING_ROOM", "2026-02-28T12:10:00Z");
        db.transition("E1", "WAITING", "IN_PROGRESS", "ADMIT", "2026-02-28T12:20:00Z");
        db.transition("E1", "IN_PROGRESS", "PAUSED", "PAUSE", "2026-02-28T12:25:00Z");
        db.transition("E1", "PAUSED", "IN_PROGRESS", "RESUME", "2026-02-28T12:26:00Z");
        db.transition("E1", "IN_PROGRESS", "COMPLETED", "COMPLETE", "2026-02-28T14:00:00Z");
        db.consultation("E2", "k1", "g1", "nutrition", "INITIAL", "REFERRED", null, "EMERGENCY", "fever above 40", at("2026-04-30T16:30:00Z"));
        db.transition("E2", "REQUESTED", "REFERRED", "REFER_FROM_TRIAGE", "2026-04-30T16:30:00Z");

        // Eligibility refusals: 2 white-list (physician x), 1 practice years (physician y) inside; 2 outside.
        db.refusal("physician-whitelist", "x", "2026-03-03T00:00:00Z");
        db.refusal("physician-whitelist", "x", "2026-04-30T15:59:59Z");
        db.refusal("independent-practice-3-years", "y", "2026-02-28T16:00:00Z"); // 00:00 Beijing on from: inside
        db.refusal("physician-whitelist", "z", "2026-02-28T15:59:00Z");          // 23:59 Beijing the day before: outside
        db.refusal("pilot-institution", "z", "2026-04-30T16:30:00Z");            // 00:30 Beijing the day after: outside
    }

    private static Map<String, Number> figures(SectionContent s) {
        return s.figures().stream().collect(Collectors.toMap(SectionContent.Figure::key, f -> f.value() == null ? -1 : f.value()));
    }

    private static SectionContent.Table table(SectionContent s, String id) {
        return s.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void consultationsOfThePeriod() {
        SectionContent s = new ConsultationsSection(db.db).compute(PERIOD);
        Map<String, Number> f = figures(s);
        // C1..C8: 8; follow-up C5; initial the other 7; E1 and E2 are outside the period.
        assertEquals(8L, f.get("total"), "total");
        assertEquals(7L, f.get("initial"), "initial");
        assertEquals(1L, f.get("follow_up"), "follow-up");
        assertEquals(3L, f.get("completed"), "C1 C2 C5");
        assertEquals(2L, f.get("referred"), "C3 C4");
        assertEquals(1L, f.get("cancelled"), "C7");
        assertEquals(1L, f.get("no_show"), "C6");
        assertEquals(1L, f.get("open"), "C8");
        // triaged (with an assessment): 7 (all but C5); referred at triage C3: 1/7 = 14.29% -> 14.3
        assertEquals(14.3, f.get("referral_rate_triage"), "referral rate at triage");
        // ended sessions: completed 3 + ended-and-referred 1 (C4): 1/4 = 25.0%
        assertEquals(25.0, f.get("referral_rate_session"), "referral rate of ended sessions");
        // booking to start (created -> first IN_PROGRESS), minutes: C1 3d1h = 4380, C2 90, C4 20, C5 9h05 = 545.
        // sorted 20, 90, 545, 4380: median = rank ceil(0.5*4)=2 -> 90; p90 = rank ceil(0.9*4)=4 -> 4380
        assertEquals(90.0, f.get("wait_booking_start_median"), "booking to start median");
        assertEquals(4380.0, f.get("wait_booking_start_p90"), "booking to start p90");
        // waiting room -> admission: C1 10, C2 30, C4 10, C5 5 -> sorted 5, 10, 10, 30: median 10, p90 30
        assertEquals(10.0, f.get("wait_room_admission_median"), "waiting room median");
        assertEquals(30.0, f.get("wait_room_admission_p90"), "waiting room p90");
        // durations (start -> completion): C1 20, C2 40, C5 30 -> sorted 20, 30, 40: median rank 2 = 30, p90 rank 3 = 40
        assertEquals(30.0, f.get("duration_median"), "duration median");
        assertEquals(40.0, f.get("duration_p90"), "duration p90");
        // pauses: C1 1, C4 1 (E1's pause is outside)
        assertEquals(2L, f.get("pauses"), "pauses");
        assertEquals(2L, f.get("paused_consultations"), "paused consultations");

        // per month: March C1 C2 C6 C7; April C3 C4 C5 (23:00 Beijing on 04-30) C8
        SectionContent.Table months = table(s, "by-month");
        assertEquals(List.of("2026-03", 4L, 4L, 0L, 2L, 0L, 1L, 1L, 0L), months.rows().get(0), "March");
        assertEquals(List.of("2026-04", 4L, 3L, 1L, 1L, 2L, 0L, 0L, 1L), months.rows().get(1), "April");
        assertEquals(2, months.rows().size());

        SectionContent.Table groups = table(s, "by-specialty-institution");
        Label unassigned = Label.of("未分配", "unassigned");
        assertEquals(List.of("dermatology", unassigned, 2L, 2L, 0L, 0L, 0L, 1L, 0L, 1L), groups.rows().get(0));
        assertEquals(List.of("growth-development", "PILOT-CHILDRENS-HOSPITAL-1", 4L, 3L, 1L, 3L, 0L, 0L, 1L, 0L),
                groups.rows().get(1));
        assertEquals(List.of("nutrition", "PILOT-CHILDRENS-HOSPITAL-1", 1L, 1L, 0L, 0L, 1L, 0L, 0L, 0L), groups.rows().get(2));
        assertEquals(List.of("nutrition", unassigned, 1L, 1L, 0L, 0L, 1L, 0L, 0L, 0L), groups.rows().get(3));

        // triage: REMOTE_OK 6 (C1 C2 C4 C6 C7 C8) = 85.7%, IN_PERSON 0, EMERGENCY 1 (C3) = 14.3%
        SectionContent.Table triage = table(s, "triage");
        assertEquals(6L, triage.rows().get(0).get(1));
        assertEquals(85.7, triage.rows().get(0).get(2));
        assertEquals(0L, triage.rows().get(1).get(1));
        assertEquals(1L, triage.rows().get(2).get(1));

        SectionContent.Table reasons = table(s, "referral-reasons");
        // each reason was given once: under the 3 a free text needs to be shown, both fold into "other"
        assertEquals(List.of(List.of(ReportSql.OTHER, 1L, 1L, 2L)), reasons.rows());
        Map<String, long[]> many = new java.util.LinkedHashMap<>();
        many.put("fever above 40", new long[] {2, 1});
        many.put("needs imaging", new long[] {0, 2});
        assertEquals(List.of(List.of("fever above 40", 2L, 1L, 3L), List.of(ReportSql.OTHER, 0L, 2L, 2L)),
                ConsultationsSection.reasonsTable(many).rows(), "3 times is shown, 2 is folded");
    }

    @Test
    void safetyEventsOfThePeriod() {
        SectionContent s = new SafetySection(db.db).compute(PERIOD);
        Map<String, Number> f = figures(s);
        assertEquals(1L, f.get("emergency_triage"), "C3 (E2 is 00:30 Beijing the day after)");
        assertEquals(1L, f.get("end_and_refer"), "C4");
        assertEquals(3L, f.get("eligibility_refusals"), "2 white-list + 1 practice years inside the period");
        assertEquals(2L, f.get("refused_physicians"), "x and y");
        SectionContent.Table rules = table(s, "eligibility-refusals");
        assertEquals(List.of(2L, 1L), rules.rows().get(0).subList(1, 3), "white-list: 2 refusals of 1 physician");
        assertEquals(List.of(0L, 0L), rules.rows().get(1).subList(1, 3), "pilot institution: the one refusal is outside");
        assertEquals(List.of(1L, 1L), rules.rows().get(3).subList(1, 3), "practice years");
        assertEquals(List.of(List.of(ReportSql.OTHER, 1L)), table(s, "end-and-refer-reasons").rows(), "given once: folded");
    }
}
