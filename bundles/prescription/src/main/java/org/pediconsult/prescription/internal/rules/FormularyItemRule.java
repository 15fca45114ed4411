package org.pediconsult.prescription.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * {@code formulary-item}: the item's code is in the consultation's specialty formulary, and the item
 * gives a dose, a unit, a known frequency, a duration and a quantity (numbers above zero). Other rules
 * skip an item this rule refuses.
 */
public final class FormularyItemRule implements PrescriptionRule {
    static final String LIMIT = "in the formulary; dose, unit, frequency, duration, quantity";

    @Override
    public String name() {
        return "formulary-item";
    }

    @Override
    public void check(RuleContext context, List<CheckResult> out) {
        for (int i = 0; i < context.items().size(); i++) {
            PrescriptionItem item = context.items().get(i);
            FormularyEntry entry = context.entries() != null && i < context.entries().size() ? context.entries().get(i) : null;
            String code = item == null ? null : item.code;
            if (entry == null) {
                out.add(new CheckResult(i, code, name(), false, LIMIT, "unknown code " + code,
                        LocalizedText.of(code + "：不在本专科处方集内，不能在线开具",
                                code + ": not in this specialty's formulary; it cannot be prescribed online")));
                continue;
            }
            LocalizedText name = entry.name;
            List<LocalizedText> problems = item == null ? List.of(LocalizedText.of("无内容", "empty item")) : problems(item);
            if (problems.isEmpty()) {
                out.add(new CheckResult(i, code, name(), true, LIMIT, "complete",
                        LocalizedText.of(name.zh + "：处方集内药品，剂量、单位、频次、疗程、数量齐全",
                                name.en + ": in the formulary; dose, unit, frequency, duration and quantity given")));
            } else {
                String zh = problems.stream().map(p -> p.zh).collect(Collectors.joining("；"));
                String en = problems.stream().map(p -> p.en).collect(Collectors.joining("; "));
                out.add(new CheckResult(i, code, name(), false, LIMIT, en,
                        LocalizedText.of(name.zh + "：" + zh, name.en + ": " + en)));
            }
        }
    }

    /** What is missing or wrong in the item (empty when it is complete). */
    public static List<LocalizedText> problems(PrescriptionItem item) {
        List<LocalizedText> problems = new ArrayList<>();
        if (item.dose == null) {
            problems.add(LocalizedText.of("缺少剂量", "dose missing"));
        } else if (!(item.dose > 0)) {
            problems.add(LocalizedText.of("剂量须大于 0（" + Units.num(item.dose) + "）", "dose must be above 0 (" + Units.num(item.dose) + ")"));
        }
        if (item.unit == null) {
            problems.add(LocalizedText.of("缺少剂量单位", "unit missing"));
        }
        if (item.frequency == null || item.frequency.isBlank()) {
            problems.add(LocalizedText.of("缺少频次", "frequency missing"));
        } else if (Frequency.parse(item.frequency) == null) {
            problems.add(LocalizedText.of("未知频次 " + item.frequency.trim(), "unknown frequency " + item.frequency.trim()));
        }
        if (item.durationDays == null) {
            problems.add(LocalizedText.of("缺少疗程（天）", "duration missing"));
        } else if (item.durationDays <= 0) {
            problems.add(LocalizedText.of("疗程须大于 0 天（" + item.durationDays + "）", "duration must be above 0 days (" + item.durationDays + ")"));
        }
        if (item.quantity == null) {
            problems.add(LocalizedText.of("缺少数量", "quantity missing"));
        } else if (!(item.quantity > 0)) {
            problems.add(LocalizedText.of("数量须大于 0（" + Units.num(item.quantity) + "）", "quantity must be above 0 (" + Units.num(item.quantity) + ")"));
        }
        return problems;
    }
}
