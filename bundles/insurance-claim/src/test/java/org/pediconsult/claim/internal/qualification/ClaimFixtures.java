package org.pediconsult.claim.internal.qualification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.consultation.api.ConsultationState;

/**
 * Two rule-set versions as configuration gives them: 2026-01 (until 2026-07-01) and 2026-07 (from then), and a
 * consultation on 2026-03-16 that every rule of 2026-01 accepts, to be spoilt one fact at a time.
 */
final class ClaimFixtures {
    static final LocalDate DAY = LocalDate.of(2026, 3, 16);
    static final String HOME = "310100";

    private ClaimFixtures() {
    }

    /** A mutable copy of the two versions' configuration. */
    static Map<String, Object> props() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("service.pid", "org.pediconsult.claim.rules");
        version(p, "2026-01", "2026-01-01", "2026-07-01", "110200001", "50.00", "110200002", "35.00");
        version(p, "2026-07", "2026-07-01", null, "110200011", "55.00", "110200012", "38.00");
        return p;
    }

    static void version(Map<String, Object> p, String v, String from, String to, String initialCode,
                        String initialAmount, String followUpCode, String followUpAmount) {
        String k = "ruleset." + v + ".";
        p.put(k + "effective.from", from);
        if (to != null) {
            p.put(k + "effective.to", to);
        }
        p.put(k + "pilot.institutions", "CH-1, CH-2");
        p.put(k + "pilot.specialties", "pediatric-dermatology,pediatric-respiratory");
        p.put(k + "pilot.window.start", "2026-01-01");
        p.put(k + "pilot.window.end", "2026-12-31");
        p.put(k + "item.initial.code", initialCode);
        p.put(k + "item.initial.amount", initialAmount);
        p.put(k + "item.followup.code", followUpCode);
        p.put(k + "item.followup.amount", followUpAmount);
        p.put(k + "pooling.home.regions", HOME);
    }

    static RuleSets ruleSets() {
        return RuleSets.parse(props());
    }

    /** The 2026-01 version. */
    static RuleSet rules() {
        return ruleSets().forDay(DAY).orElseThrow();
    }

    /** 2026-01 with one key changed (e.g. "pooling.cross.region", "true"). */
    static RuleSet rulesWith(String key, Object value) {
        Map<String, Object> p = props();
        p.put("ruleset.2026-01." + key, value);
        return RuleSets.parse(p).forDay(DAY).orElseThrow();
    }

    static CoverageDTO coverage(String region, LocalDate from, LocalDate to) {
        CoverageDTO c = new CoverageDTO();
        c.childId = "child-1";
        c.payer = "city-insurer";
        c.plan = "URBAN-RESIDENT";
        c.insuredId = "I-0001";
        c.region = region;
        c.subscriber = "guardian.li";
        c.relationship = "MTH";
        c.validFrom = from;
        c.validTo = to;
        c.source = "GUARDIAN";
        return c;
    }

    static Facts facts() {
        return new Facts();
    }

    /** A claimable consultation by default. */
    static final class Facts {
        ConsultationState state = ConsultationState.COMPLETED;
        String kind = ClaimFacts.INITIAL;
        LocalDate day = DAY;
        String institution = "CH-1";
        String specialty = "pediatric-dermatology";
        boolean whitelisted = true;
        LocalDate practiceSince = LocalDate.of(2015, 9, 1);
        boolean attested = true;
        CoverageDTO coverage = ClaimFixtures.coverage(HOME, LocalDate.of(2026, 1, 1), null);

        Facts state(ConsultationState s) {
            state = s;
            return this;
        }

        Facts kind(String k) {
            kind = k;
            return this;
        }

        Facts day(LocalDate d) {
            day = d;
            return this;
        }

        Facts institution(String i) {
            institution = i;
            return this;
        }

        Facts specialty(String s) {
            specialty = s;
            return this;
        }

        Facts whitelisted(boolean w) {
            whitelisted = w;
            return this;
        }

        Facts practiceSince(LocalDate d) {
            practiceSince = d;
            return this;
        }

        Facts attested(boolean a) {
            attested = a;
            return this;
        }

        Facts coverage(CoverageDTO c) {
            coverage = c;
            return this;
        }

        ClaimFacts build() {
            return new ClaimFacts(state, kind, day, institution, specialty, whitelisted, practiceSince, attested,
                    coverage);
        }
    }
}
