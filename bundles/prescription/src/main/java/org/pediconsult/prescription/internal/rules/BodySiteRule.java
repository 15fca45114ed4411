package org.pediconsult.prescription.internal.rules;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;

/**
 * {@code body-site}: a topical (or any entry with forbidden sites) names where it is applied, and none of
 * those sites is forbidden by the entry (e.g. face, groin, axillae for a potent steroid). A topical with
 * no site named is refused, so the check cannot be dodged.
 */
public final class BodySiteRule extends ItemRule {
    public BodySiteRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "body-site";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        Set<BodySite> forbidden = entry.forbiddenSites;
        if (!entry.topical() && forbidden.isEmpty()) {
            return null;
        }
        String limit = forbidden.isEmpty() ? "a site named" : "a site named, not " + join(forbidden, BodySiteRule::en, ", ");
        Set<BodySite> sites = EnumSet.noneOf(BodySite.class);
        if (item.item().sites != null) {
            item.item().sites.stream().filter(s -> s != null).forEach(sites::add);
        }
        if (sites.isEmpty()) {
            return result(item, false, limit, "no site named", "未注明用药部位；外用药须注明部位",
                    "no body site named; a topical must name where it is applied");
        }
        String computed = join(sites, BodySiteRule::en, ", ");
        Set<BodySite> hits = EnumSet.noneOf(BodySite.class);
        hits.addAll(sites);
        hits.retainAll(forbidden);
        if (hits.isEmpty()) {
            return result(item, true, limit, computed, "用药部位：" + join(sites, BodySiteRule::zh, "、") + "，均允许",
                    "applied to " + computed + ", all allowed");
        }
        return result(item, false, limit, computed,
                "不得用于" + join(hits, BodySiteRule::zh, "、") + "（禁用部位：" + join(forbidden, BodySiteRule::zh, "、") + "）",
                "must not be applied to " + join(hits, BodySiteRule::en, ", ") + " (not allowed: " + join(forbidden, BodySiteRule::en, ", ") + ")");
    }

    private static String join(Set<BodySite> sites, Function<BodySite, String> label, String separator) {
        return sites.stream().map(label).collect(Collectors.joining(separator));
    }

    static String en(BodySite site) {
        switch (site) {
            case FACE: return "face";
            case SCALP: return "scalp";
            case TRUNK: return "trunk";
            case ARMS: return "arms";
            case LEGS: return "legs";
            case HANDS_FEET: return "hands and feet";
            case NAPPY_AREA: return "nappy area";
            case GROIN: return "groin";
            case AXILLAE: return "axillae";
            default: return site.name().toLowerCase(Locale.ROOT);
        }
    }

    static String zh(BodySite site) {
        switch (site) {
            case FACE: return "面部";
            case SCALP: return "头皮";
            case TRUNK: return "躯干";
            case ARMS: return "上肢";
            case LEGS: return "下肢";
            case HANDS_FEET: return "手足";
            case NAPPY_AREA: return "尿布区";
            case GROIN: return "腹股沟";
            case AXILLAE: return "腋窝";
            default: return site.name();
        }
    }
}
