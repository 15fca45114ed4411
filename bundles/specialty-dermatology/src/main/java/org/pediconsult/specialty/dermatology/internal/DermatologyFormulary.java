package org.pediconsult.specialty.dermatology.internal;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * What a dermatologist may prescribe online for a child: emollient, two topical corticosteroids of
 * different potency, and an oral antihistamine for itch. Topicals carry no mg dosing (the mg fields
 * are null), so the prescription bundle checks only their minimum age; usage limits (thin layer,
 * short courses) belong in the prescription's instructions.
 *
 * <p>Age limits follow the product labels: mometasone furoate 0.1% cream is not established under 2
 * years (FDA label; BNF for Children), cetirizine drops are licensed from 6 months. The cetirizine
 * daily cap is the under-6-years cap (5 mg/day) for every age: the formulary cannot band by age, and
 * the lower cap is the safe one.
 */
public final class DermatologyFormulary {
    public static final String EMOLLIENT = "EMOLLIENT";
    public static final String HYDROCORTISONE_1_CREAM = "HYDROCORTISONE-1-CREAM";
    public static final String MOMETASONE_01_CREAM = "MOMETASONE-0.1-CREAM";
    public static final String CETIRIZINE_DROPS = "CETIRIZINE-DROPS";

    private DermatologyFormulary() {
    }

    public static List<FormularyEntry> entries() {
        return List.of(
                topical(EMOLLIENT, "保湿润肤剂（无香料）", "Emollient (fragrance-free)", "cream or ointment", 0),
                // Mild potency: usable from birth, but short courses (about 7 days on face and nappy area).
                topical(HYDROCORTISONE_1_CREAM, "氢化可的松乳膏 1%（短疗程）", "Hydrocortisone 1% cream (short courses)",
                        "cream 1%", 0),
                // Potent: not under 2 years (thin infant skin, systemic absorption, HPA-axis suppression).
                topical(MOMETASONE_01_CREAM, "糠酸莫米松乳膏 0.1%（2岁以下禁用）",
                        "Mometasone furoate 0.1% cream (not under 2 years)", "cream 0.1%", 24),
                new FormularyEntry(CETIRIZINE_DROPS, LocalizedText.of("西替利嗪滴剂 10 mg/mL", "Cetirizine oral drops 10 mg/mL"),
                        "oral drops 10 mg/mL", 0.25, null, 5.0, 5.0, 6, ControlledClass.NONE));
    }

    private static FormularyEntry topical(String code, String zh, String en, String form, int minAgeMonths) {
        return new FormularyEntry(code, LocalizedText.of(zh, en), form, null, null, null, null, minAgeMonths,
                ControlledClass.NONE);
    }
}
