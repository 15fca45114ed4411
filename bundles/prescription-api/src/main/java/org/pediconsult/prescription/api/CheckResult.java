package org.pediconsult.prescription.api;

import org.pediconsult.specialty.api.LocalizedText;

/**
 * One rule's verdict on one item (or on the whole prescription, item -1): the rule's name, the limit it
 * applied and the value it computed, both with units, and a sentence in zh and en. A prescription with
 * one refusal cannot be signed or approved.
 */
public final class CheckResult {
    /** Index of the item (0-based), or -1 for the prescription as a whole. */
    public int item;
    /** The item's formulary code, or null for the whole prescription. */
    public String code;
    /** The rule's name, e.g. {@code mg-per-kg-per-dose}. */
    public String rule;
    public boolean passed;
    /** e.g. "15 mg/kg". */
    public String limit;
    /** e.g. "16.2 mg/kg". */
    public String computed;
    public LocalizedText message;

    public CheckResult() {
    }

    public CheckResult(int item, String code, String rule, boolean passed, String limit, String computed, LocalizedText message) {
        this.item = item;
        this.code = code;
        this.rule = rule;
        this.passed = passed;
        this.limit = limit;
        this.computed = computed;
        this.message = message;
    }
}
