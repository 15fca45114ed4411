package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.coverage;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.props;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.ruleSets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.internal.qualification.Qualification.Result;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.PhysicianDTO;

class QualificationTest {

    private static RuleSets withPartialFee(String fee) {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.referred.partial.fee", fee);
        return RuleSets.parse(p);
    }

    private static void assertLine(ClaimLine l, String code, String amount, boolean selfPay) {
        assertEquals("CG", l.type);
        assertEquals(code, l.itemCode);
        assertEquals(0, BigDecimal.ONE.compareTo(l.quantity));
        assertEquals(new BigDecimal(amount), l.unitAmount);
        assertEquals(new BigDecimal(amount), l.amount);
        assertEquals(selfPay, l.selfPay);
        UUID.fromString(l.lineId);
    }

    @Test
    void initialVisitIsClaimedWithTheFirstVisitCode() {
        Result r = Qualification.run(facts().build(), ruleSets());
        assertTrue(r.claimable());
        assertEquals("2026-01", r.ruleSetVersion());
        assertEquals(List.of(), r.reasons());
        assertEquals(1, r.lines().size());
        assertLine(r.lines().get(0), "110200001", "50.00", false);
        assertNull(r.lines().get(0).reason);
        assertFalse(r.laterReimbursement());
    }

    @Test
    void followUpNeverGetsTheFirstVisitCode() {
        Result r = Qualification.run(facts().kind(ClaimFacts.FOLLOW_UP).build(), ruleSets());
        assertTrue(r.claimable());
        assertLine(r.lines().get(0), "110200002", "35.00", false);
    }

    @Test
    void eachLineHasItsOwnTransactionId() {
        String a = Qualification.run(facts().build(), ruleSets()).lines().get(0).lineId;
        String b = Qualification.run(facts().build(), ruleSets()).lines().get(0).lineId;
        assertNotEquals(a, b);
    }

    @Test
    void everyReasonIsListedInRuleOrder() {
        Result r = Qualification.run(facts().institution("CH-9").specialty("pediatric-ent").whitelisted(false)
                .practiceSince(LocalDate.of(2025, 1, 1)).attested(false).coverage(null).build(), ruleSets());
        assertFalse(r.claimable());
        assertEquals("2026-01", r.ruleSetVersion());
        assertEquals(List.of("pilot-institution", "pilot-specialty", "white-listed-physician", "practice-years",
                "guardian-presence", "coverage-known"), r.reasons().stream().map(Reason::rule).toList());
        assertEquals(1, r.lines().size());
        ClaimLine self = r.lines().get(0);
        assertLine(self, "110200001", "50.00", true);
        assertEquals(String.join("; ", r.reasonsEn()), self.reason);
        assertTrue(self.reason.contains("the physician is not on the pilot white-list"), self.reason);
        assertFalse(r.laterReimbursement());
    }

    @Test
    void referredWithoutPartialFeeIsNotClaimed() {
        Result r = Qualification.run(facts().state(ConsultationState.REFERRED).build(), ruleSets());
        assertFalse(r.claimable());
        assertEquals(List.of("referred"), r.reasons().stream().map(Reason::code).toList());
        assertEquals("ended and referred: not claimed as a completed consultation", r.reasons().get(0).en());
        assertEquals(List.of(), r.lines());
    }

    @Test
    void referredWithPartialFeeClaimsIt() {
        Result r = Qualification.run(facts().state(ConsultationState.REFERRED).build(), withPartialFee("30.00"));
        assertTrue(r.claimable());
        assertEquals(List.of("referred"), r.reasons().stream().map(Reason::code).toList());
        assertEquals(1, r.lines().size());
        ClaimLine l = r.lines().get(0);
        assertLine(l, "110200001", "30.00", false);
        assertEquals("ended and referred: partial fee", l.reason);
    }

    @Test
    void partialFeeUsesItsOwnCodeWhenConfigured() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.referred.partial.fee", "30.00");
        p.put("ruleset.2026-01.referred.partial.code", "110200009");
        Result r = Qualification.run(facts().state(ConsultationState.REFERRED).kind(ClaimFacts.FOLLOW_UP).build(),
                RuleSets.parse(p));
        assertLine(r.lines().get(0), "110200009", "30.00", false);
    }

    @Test
    void partialFeeIsSelfPayWhenAnotherRuleFails() {
        Result r = Qualification.run(facts().state(ConsultationState.REFERRED).coverage(null).build(),
                withPartialFee("30.00"));
        assertFalse(r.claimable());
        assertEquals(List.of("completed-consultation", "coverage-known"), r.reasons().stream().map(Reason::rule).toList());
        assertLine(r.lines().get(0), "110200001", "30.00", true);
    }

    @Test
    void noPartialFeeWhenReferredAtTriage() {
        Result r = Qualification.run(facts().state(ConsultationState.REFERRED).attested(false).whitelisted(false)
                .build(), withPartialFee("30.00"));
        assertFalse(r.claimable());
        assertEquals("referred-at-triage", r.reasons().get(0).code());
        assertEquals(List.of(), r.lines());
    }

    @Test
    void cancelledAndNoShowHaveNoLine() {
        for (ConsultationState s : List.of(ConsultationState.CANCELLED, ConsultationState.NO_SHOW)) {
            Result r = Qualification.run(facts().state(s).build(), withPartialFee("30.00"));
            assertFalse(r.claimable());
            assertEquals(1, r.reasons().size());
            assertEquals(List.of(), r.lines(), s.name());
        }
    }

    @Test
    void deliveryFeeIsAlwaysSelfPay() {
        Result r = Qualification.run(facts().build(), ruleSets(), new BigDecimal("8"));
        assertTrue(r.claimable());
        assertEquals(2, r.lines().size());
        assertLine(r.lines().get(0), "110200001", "50.00", false);
        ClaimLine delivery = r.lines().get(1);
        assertLine(delivery, "DELIVERY", "8.00", true);
        assertEquals("delivery fees are never claimable", delivery.reason);

        Result notClaimable = Qualification.run(facts().attested(false).build(), ruleSets(), new BigDecimal("8.00"));
        assertFalse(notClaimable.claimable());
        assertEquals(2, notClaimable.lines().size());
        assertTrue(notClaimable.lines().stream().allMatch(l -> l.selfPay));
        assertEquals("delivery fees are never claimable", notClaimable.lines().get(1).reason);
    }

    @Test
    void noDeliveryLineWithoutAFee() {
        assertEquals(1, Qualification.run(facts().build(), ruleSets(), null).lines().size());
        assertEquals(1, Qualification.run(facts().build(), ruleSets(), BigDecimal.ZERO).lines().size());
    }

    @Test
    void otherRegionIsSelfPayMarkedForLaterReimbursement() {
        Result r = Qualification.run(facts().coverage(coverage("320100", null, null)).build(), ruleSets());
        assertFalse(r.claimable());
        assertTrue(r.laterReimbursement());
        assertLine(r.lines().get(0), "110200001", "50.00", true);
        assertTrue(r.lines().get(0).reason.endsWith("self-pay now, marked for later reimbursement"));
    }

    @Test
    void otherRegionWithAnotherFailureIsNotMarked() {
        Result r = Qualification.run(facts().coverage(coverage("320100", null, null)).attested(false).build(),
                ruleSets());
        assertFalse(r.laterReimbursement());
    }

    @Test
    void otherRegionIsClaimedWhenCrossRegionIsConfigured() {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01.pooling.cross.region", "true");
        Result r = Qualification.run(facts().coverage(coverage("320100", null, null)).build(), RuleSets.parse(p));
        assertTrue(r.claimable());
        assertLine(r.lines().get(0), "110200001", "50.00", false);
    }

    @Test
    void theRuleSetVersionChangesByDate() {
        Result june = Qualification.run(facts().day(LocalDate.of(2026, 6, 30)).build(), ruleSets());
        Result july = Qualification.run(facts().day(LocalDate.of(2026, 7, 1)).build(), ruleSets());
        assertEquals("2026-01", june.ruleSetVersion());
        assertLine(june.lines().get(0), "110200001", "50.00", false);
        assertEquals("2026-07", july.ruleSetVersion());
        assertLine(july.lines().get(0), "110200011", "55.00", false);

        Result julyFollowUp = Qualification.run(facts().day(LocalDate.of(2026, 7, 1)).kind(ClaimFacts.FOLLOW_UP)
                .build(), ruleSets());
        assertLine(julyFollowUp.lines().get(0), "110200012", "38.00", false);
    }

    @Test
    void noRuleSetInEffect() {
        Result r = Qualification.run(facts().day(LocalDate.of(2025, 12, 31)).build(), ruleSets(), new BigDecimal("8.00"));
        assertFalse(r.claimable());
        assertNull(r.ruleSetVersion());
        assertEquals(List.of(RuleSets.RULE), r.reasons().stream().map(Reason::rule).toList());
        assertTrue(r.reasons().get(0).en().startsWith("no claim rule set is in effect on 2025-12-31"));
        assertEquals(1, r.lines().size());
        assertLine(r.lines().get(0), "DELIVERY", "8.00", true);
    }

    @Test
    void factsFromAConsultationRecord() {
        ConsultationRecord record = new ConsultationRecord();
        ConsultationDTO c = new ConsultationDTO();
        c.state = "COMPLETED";
        c.kind = "FOLLOW_UP";
        c.specialtyId = "pediatric-dermatology";
        c.guardianAttestedAt = Instant.parse("2026-06-30T16:10:00Z");
        c.guardianAttestedBy = "dr.wang";
        // 00:30 on 1 July in Shanghai: the July rule set applies.
        c.completedAt = Instant.parse("2026-06-30T16:30:00Z");
        c.updatedAt = c.completedAt;
        record.consultation = c;
        PhysicianDTO p = new PhysicianDTO();
        p.institution = "CH-2";
        p.whitelisted = true;
        p.practiceSince = LocalDate.of(2023, 7, 1);
        record.physician = p;

        ClaimFacts f = ClaimFacts.of(record, coverage("310100", null, null), ZoneId.of("Asia/Shanghai"));
        assertEquals(new ClaimFacts(ConsultationState.COMPLETED, "FOLLOW_UP", LocalDate.of(2026, 7, 1), "CH-2",
                "pediatric-dermatology", true, LocalDate.of(2023, 7, 1), true, f.coverage()), f);
        Result r = Qualification.run(f, ruleSets());
        assertTrue(r.claimable(), r.reasonsEn().toString());
        assertEquals("2026-07", r.ruleSetVersion());
        assertLine(r.lines().get(0), "110200012", "38.00", false);

        // Not booked: no physician, and a cancelled consultation's day is the day it was cancelled.
        c.state = "CANCELLED";
        c.completedAt = null;
        c.guardianAttestedAt = null;
        c.updatedAt = Instant.parse("2026-03-16T02:00:00Z");
        record.physician = null;
        ClaimFacts cancelled = ClaimFacts.of(record, null, ZoneId.of("Asia/Shanghai"));
        assertEquals(LocalDate.of(2026, 3, 16), cancelled.day());
        assertNull(cancelled.institution());
        assertFalse(cancelled.physicianWhitelisted());
        assertFalse(cancelled.guardianAttested());
    }
}
