package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.pediconsult.claim.api.ClaimLine;

/** Drug lines priced from the rule set's catalogue: A, B split to the fen, SELF, missing, unit mismatch, by date. */
class DrugPricingTest {
    private static final LocalDate DAY = ClaimFixtures.DAY; // 2026-03-16, version 2026-01
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    private static void drug(Map<String, Object> p, String version, String code, String price, String unit, String category) {
        p.put("ruleset." + version + ".drug." + code + ".price", price);
        p.put("ruleset." + version + ".drug." + code + ".unit", unit);
        p.put("ruleset." + version + ".drug." + code + ".category", category);
    }

    /** 2026-01: vitamin D A 18.00/BOX, cetirizine B 24.50/BOTTLE, mometasone (a code with a dot) B 12.35/支, emollient
     * SELF; B self-pay 10%. 2026-07: vitamin D 20.00, cetirizine no longer listed, B self-pay 20%. */
    static Map<String, Object> props() {
        Map<String, Object> p = ClaimFixtures.props();
        p.put("ruleset.2026-01.drug.category.B.selfpay.percent", "10");
        drug(p, "2026-01", "VITD3-400IU", "18.00", "BOX", "A");
        drug(p, "2026-01", "CETIRIZINE-DROPS", "24.50", "BOTTLE", "B");
        drug(p, "2026-01", "MOMETASONE-0.1-CREAM", "12.35", "支", "B");
        drug(p, "2026-01", "EMOLLIENT", "28.00", "TUBE", "SELF");
        p.put("ruleset.2026-01.drug.VITD3-400IU.item", "XA11CCV001");
        p.put("ruleset.2026-07.drug.category.B.selfpay.percent", "20");
        drug(p, "2026-07", "VITD3-400IU", "20.00", "BOX", "A");
        drug(p, "2026-07", "MOMETASONE-0.1-CREAM", "12.35", "TUBE", "B");
        return p;
    }

    private static final RuleSets SETS = RuleSets.parse(props());

    private static DrugPricing.PricedDrug price(LocalDate day, String code, Double qty, String unit) {
        return DrugPricing.price(SETS, day, "d-1", 0, code, "PRESCRIBED", "名称 " + code, qty, unit);
    }

    private static List<ClaimLine> lines(LocalDate day, String code, Double qty, String unit) {
        return DrugPricing.lines(price(day, code, qty, unit), true, List.of());
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
    }

    @Test
    void categoryAIsOneClaimedChargeAtQuantityTimesPrice() {
        List<ClaimLine> l = lines(DAY, "vitd3-400iu", 2.0, "box"); // codes and units without case
        assertEquals(1, l.size());
        ClaimLine x = l.get(0);
        assertEquals("CG", x.type);
        assertFalse(x.selfPay);
        assertEquals("XA11CCV001", x.itemCode, "the insurance drug code from the catalogue");
        assertEquals("vitd3-400iu", x.drugCode, "the product code as dispensed");
        assertAmount("2", x.quantity);
        assertEquals("box", x.quantityUnit);
        assertAmount("18.00", x.unitAmount);
        assertAmount("36.00", x.amount);
        assertEquals("d-1", x.dispenseId);
        assertNull(x.flag);
        assertNull(x.reason);
    }

    @Test
    void categoryBIsAClaimedLineAndASelfPayShareRoundedToTheFen() {
        // 12.35 x 1 at 10%: self-pay 1.235 -> 1.24 (half up), claimed the rest 11.11; 支 = TUBE
        List<ClaimLine> l = lines(DAY, "MOMETASONE-0.1-CREAM", 1.0, "TUBE");
        assertEquals(2, l.size());
        assertFalse(l.get(0).selfPay);
        assertAmount("11.11", l.get(0).amount);
        assertTrue(l.get(0).reason.contains("90% claimed"), l.get(0).reason);
        assertTrue(l.get(1).selfPay);
        assertAmount("1.24", l.get(1).amount);
        assertTrue(l.get(1).reason.contains("乙类药品个人先行自付 10%") && l.get(1).reason.contains("10% self-pay first"), l.get(1).reason);
        assertAmount("12.35", l.get(0).amount.add(l.get(1).amount));
        assertAmount("12.35", l.get(0).unitAmount);
        assertEquals(l.get(0).dispenseId, l.get(1).dispenseId);
        assertFalse(l.get(0).lineId.equals(l.get(1).lineId), "each line its own transaction id");

        // 24.50 x 3 = 73.50 at 10%: 7.35 self-pay, 66.15 claimed
        List<ClaimLine> c = lines(DAY, "CETIRIZINE-DROPS", 3.0, "bottle");
        assertAmount("66.15", c.get(0).amount);
        assertAmount("7.35", c.get(1).amount);
    }

    @Test
    void aFractionalQuantityIsRoundedToTheFen() {
        // 12.35 x 0.5 = 6.175 -> 6.18; 10%: 0.618 -> 0.62 self-pay, 5.56 claimed
        List<ClaimLine> l = lines(DAY, "MOMETASONE-0.1-CREAM", 0.5, "支");
        assertAmount("5.56", l.get(0).amount);
        assertAmount("0.62", l.get(1).amount);
        assertAmount("0.5", l.get(0).quantity);
    }

    @Test
    void aSelfPayDrugIsASelfPayLineWithTheReason() {
        List<ClaimLine> l = lines(DAY, "EMOLLIENT", 2.0, "TUBE");
        assertEquals(1, l.size());
        assertTrue(l.get(0).selfPay);
        assertAmount("56.00", l.get(0).amount);
        assertTrue(l.get(0).reason.contains("drug not on the insurance drug list") && l.get(0).reason.contains("自费药品"));
        assertNull(l.get(0).flag);
    }

    @Test
    void aDrugNotInTheCatalogueIsSelfPayPriceUnknownAndFlagged() {
        DrugPricing.PricedDrug p = price(DAY, "UNKNOWN-DRUG", 1.0, "BOX");
        assertFalse(p.priced());
        assertEquals("not-in-catalogue", p.problem().code());
        List<ClaimLine> l = DrugPricing.lines(p, true, List.of());
        assertEquals(1, l.size());
        ClaimLine x = l.get(0);
        assertTrue(x.selfPay);
        assertAmount("0.00", x.amount);
        assertNull(x.unitAmount);
        assertEquals(DrugPricing.UNPRICED, x.flag);
        assertEquals("UNKNOWN-DRUG", x.drugCode);
        assertTrue(x.reason.contains("药品未在价格目录中") && x.reason.contains("drug not in the price catalogue")
                && x.reason.contains("price unknown"), x.reason);
    }

    @Test
    void anotherUnitThanTheCataloguesIsNotPriced() {
        DrugPricing.PricedDrug p = price(DAY, "VITD3-400IU", 1.0, "BOTTLE");
        assertFalse(p.priced());
        assertEquals("unit-mismatch", p.problem().code());
        assertTrue(p.problem().en().contains("per BOX"), p.problem().en());
        ClaimLine x = DrugPricing.lines(p, true, List.of()).get(0);
        assertTrue(x.selfPay);
        assertEquals(DrugPricing.UNPRICED, x.flag);
        assertAmount("0.00", x.amount);
        assertEquals("unit-mismatch", price(DAY, "VITD3-400IU", 1.0, null).problem().code(), "no unit is not the catalogue's unit");
        assertTrue(price(DAY, "VITD3-400IU", 1.0, "盒").priced(), "盒 is BOX");
        assertEquals("no-quantity", price(DAY, "VITD3-400IU", null, "BOX").problem().code());
    }

    @Test
    void thePriceIsTheOneOfTheRuleSetInEffectOnTheDispenseDay() {
        assertAmount("18.00", lines(JULY.minusDays(1), "VITD3-400IU", 1.0, "BOX").get(0).amount);
        assertAmount("20.00", lines(JULY, "VITD3-400IU", 1.0, "BOX").get(0).amount);
        assertEquals("2026-07", price(JULY, "VITD3-400IU", 1.0, "BOX").ruleSetVersion());
        // cetirizine is listed until June only; the B share is 20% from July on
        assertEquals("not-in-catalogue", price(JULY, "CETIRIZINE-DROPS", 1.0, "BOTTLE").problem().code());
        List<ClaimLine> b = lines(JULY, "MOMETASONE-0.1-CREAM", 1.0, "TUBE");
        assertAmount("2.47", b.get(1).amount);
        assertAmount("9.88", b.get(0).amount);
        // before the first version: no rule set, not priced, flagged
        DrugPricing.PricedDrug none = price(LocalDate.of(2025, 12, 31), "VITD3-400IU", 1.0, "BOX");
        assertEquals("no-rule-set", none.problem().code());
        assertEquals(DrugPricing.UNPRICED, DrugPricing.lines(none, true, List.of()).get(0).flag);
    }

    @Test
    void aConsultationNotClaimableMakesEveryDrugSelfPayWithItsReasons() {
        List<ClaimLine> l = DrugPricing.lines(price(DAY, "CETIRIZINE-DROPS", 1.0, "BOTTLE"), false,
                List.of("the physician is not on the pilot white-list"));
        assertEquals(1, l.size());
        assertTrue(l.get(0).selfPay);
        assertAmount("24.50", l.get(0).amount);
        assertTrue(l.get(0).reason.contains("the physician is not on the pilot white-list"), l.get(0).reason);
    }

    @Test
    void theProductCodeIsPricedElseThePrescribedCode() {
        DrugPricing.PricedDrug substitute = DrugPricing.price(SETS, DAY, "d-1", 0, "EMOLLIENT", "CETIRIZINE-DROPS", "x", 1.0, "TUBE");
        assertEquals(DrugPrice.Category.SELF, substitute.category());
        DrugPricing.PricedDrug prescribed = DrugPricing.price(SETS, DAY, "d-1", 0, " ", "CETIRIZINE-DROPS", null, 1.0, "BOTTLE");
        assertEquals(DrugPrice.Category.B, prescribed.category());
        assertEquals("CETIRIZINE-DROPS", prescribed.name(), "no name: the code");
    }

    @Test
    void aCatalogueEntryIsCompleteOrRefused() {
        Map<String, Object> p = new HashMap<>(props());
        p.remove("ruleset.2026-01.drug.EMOLLIENT.unit");
        p.put("ruleset.2026-01.drug.CETIRIZINE-DROPS.category", "C");
        p.put("ruleset.2026-01.drug.VITD3-400IU.price", "18.005");
        p.put("ruleset.2026-01.drug.ZINC.prize", "1.00");
        p.remove("ruleset.2026-07.drug.category.B.selfpay.percent");
        String m = assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(p)).getMessage();
        assertTrue(m.contains("missing required key ruleset.2026-01.drug.EMOLLIENT.unit"), m);
        assertTrue(m.contains("ruleset.2026-01.drug.CETIRIZINE-DROPS.category: 'C' is not A, B or SELF"), m);
        assertTrue(m.contains("ruleset.2026-01.drug.VITD3-400IU.price has more than 2 decimals"), m);
        assertTrue(m.contains("ruleset.2026-01.drug.ZINC.prize: expected"), m);
        assertTrue(m.contains("missing required key ruleset.2026-07.drug.category.B.selfpay.percent"), m);

        Map<String, Object> q = new HashMap<>(props());
        q.put("ruleset.2026-01.drug.category.B.selfpay.percent", "101");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RuleSets.parse(q)).getMessage()
                .contains("a percent from 0 to 100"));
    }

    @Test
    void theShippedConfigurationParsesWithItsCatalogue() throws Exception {
        Path cfg = Path.of("../../karaf-distribution/src/main/resources/etc/org.pediconsult.claim.cfg");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(cfg);
             java.io.Reader r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Object> map = new HashMap<>();
        p.forEach((k, v) -> map.put((String) k, v));
        RuleSet v = RuleSets.parse(map).versions().get(0);
        assertEquals(10, v.categoryBSelfPayPercent());
        for (String code : List.of("EMOLLIENT", "HYDROCORTISONE-1-CREAM", "MOMETASONE-0.1-CREAM", "CLOBETASOL-0.05-CREAM",
                "FLUOCINOLONE-0.01-OIL", "CETIRIZINE-DROPS", "CETIRIZINE-DROPS-6Y", "VITD3-400IU", "VITD3-600IU",
                "PARACETAMOL-SUSP", "IBUPROFEN-SUSP", "IRON-ELEMENTAL", "ZINC-10MG", "ZINC-20MG", "ORS-LOW-OSM")) {
            assertTrue(v.drug(code).isPresent(), code);
        }
        assertEquals("BOTTLE", v.drug("CETIRIZINE-DROPS").orElseThrow().unit());
    }
}
