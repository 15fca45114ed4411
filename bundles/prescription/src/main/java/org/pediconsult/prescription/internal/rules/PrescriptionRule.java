package org.pediconsult.prescription.internal.rules;

import java.util.List;

import org.pediconsult.prescription.api.CheckResult;

/**
 * One prescription check, named after the rule it applies ({@link #name()}, e.g.
 * {@code mg-per-kg-per-dose}). It adds one {@link CheckResult} per item it applies to (passed or not),
 * naming the item, the limit and the computed value with units, in zh and en; an item it does not apply
 * to (no such limit in the formulary entry) gets no result.
 */
public interface PrescriptionRule {
    String name();

    void check(RuleContext context, List<CheckResult> out);
}
