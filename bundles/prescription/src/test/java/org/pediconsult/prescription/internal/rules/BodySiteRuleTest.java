package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.clobetasol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.mometasone;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.topical;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class BodySiteRuleTest {
    private final BodySiteRule rule = new BodySiteRule();

    private CheckResult clobetasolOn(BodySite... sites) {
        return rx().add(clobetasol(), topical(clobetasol(), 2, "BID", 7, sites)).one(rule);
    }

    @Test
    void allowedSitesPass() {
        CheckResult r = clobetasolOn(BodySite.TRUNK, BodySite.LEGS);
        assertTrue(r.passed);
        assertEquals("trunk, legs", r.computed);
        assertEquals("a site named, not face, groin, axillae", r.limit);
    }

    @ParameterizedTest
    @EnumSource(value = BodySite.class, names = {"FACE", "GROIN", "AXILLAE"})
    void potentSteroidIsRefusedOnForbiddenSites(BodySite site) {
        assertFalse(clobetasolOn(site).passed);
    }

    @Test
    void oneForbiddenSiteAmongOthersIsNamed() {
        CheckResult r = clobetasolOn(BodySite.TRUNK, BodySite.FACE);
        assertFalse(r.passed);
        assertEquals("Clobetasol propionate cream 0.05%: must not be applied to face (not allowed: face, groin, axillae)", r.message.en);
        assertEquals("丙酸氯倍他索乳膏：不得用于面部（禁用部位：面部、腹股沟、腋窝）", r.message.zh);
    }

    @Test
    void aTopicalWithNoSiteIsRefused() {
        CheckResult r = clobetasolOn();
        assertFalse(r.passed);
        assertEquals("no site named", r.computed);
        PrescriptionItem nullSites = topical(mometasone(), 2, "BID", 7);
        nullSites.sites = null;
        assertFalse(rx().add(mometasone(), nullSites).one(rule).passed, "even with no forbidden site");
    }

    @Test
    void aTopicalWithoutForbiddenSitesPassesOnTheFace() {
        CheckResult r = rx().add(mometasone(), topical(mometasone(), 0.5, "QD", 7, BodySite.FACE)).one(rule);
        assertTrue(r.passed);
        assertEquals("a site named", r.limit);
    }

    @Test
    void noResultForAnOralMedicine() {
        assertTrue(rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).check(rule).isEmpty());
    }
}
