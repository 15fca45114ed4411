package org.pediconsult.claim.internal.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The claim rule-set versions, read from one flat configuration (a {@code .cfg} file, as OSGi configuration
 * gives it: {@code ruleset.<version>.<key> = value}). A version id is letters, digits, {@code -} and {@code _}
 * (no dot). Keys other than {@code ruleset.*} (e.g. {@code service.pid}) are ignored; an unknown key under
 * {@code ruleset.<version>.} is refused, so a typo does not silently drop a limit.
 *
 * <table>
 * <caption>Keys of one version</caption>
 * <tr><th>key</th><th></th><th>value</th></tr>
 * <tr><td>{@code effective.from}</td><td>required</td><td>first day in effect, inclusive (ISO date)</td></tr>
 * <tr><td>{@code effective.to}</td><td>optional</td><td>first day no longer in effect, exclusive; absent =
 * open-ended</td></tr>
 * <tr><td>{@code pilot.institutions}</td><td>required</td><td>comma list of the designated institutions</td></tr>
 * <tr><td>{@code pilot.specialties}</td><td>required</td><td>comma list of specialty ids</td></tr>
 * <tr><td>{@code pilot.window.start}</td><td>required</td><td>first day of the pilot, inclusive</td></tr>
 * <tr><td>{@code pilot.window.end}</td><td>required</td><td>last day of the pilot, inclusive</td></tr>
 * <tr><td>{@code physician.min.practice.years}</td><td>default 3</td><td>full years since practice began</td></tr>
 * <tr><td>{@code item.initial.code}, {@code item.initial.amount}</td><td>required</td><td>item code and unit
 * amount (yuan, at most 2 decimals) of an initial visit</td></tr>
 * <tr><td>{@code item.followup.code}, {@code item.followup.amount}</td><td>required</td><td>the same for a
 * follow-up visit</td></tr>
 * <tr><td>{@code referred.partial.fee}</td><td>default 0</td><td>fee claimed for a consultation ended and
 * referred during its session; 0 = not claimed</td></tr>
 * <tr><td>{@code referred.partial.code}</td><td>optional</td><td>its item code; absent = the visit's code</td></tr>
 * <tr><td>{@code pooling.home.regions}</td><td>required</td><td>comma list of the hospital's pooling
 * regions</td></tr>
 * <tr><td>{@code pooling.cross.region}</td><td>default false</td><td>true when cross-region settlement is
 * configured (another region's coverage is then claimable; otherwise self-pay, marked for later
 * reimbursement)</td></tr>
 * <tr><td>{@code item.delivery.code}</td><td>default {@code DELIVERY}</td><td>item code of the delivery fee's
 * self-pay line (never claimable)</td></tr>
 * <tr><td>{@code drug.<code>.price}</td><td>per drug</td><td>the hospital's offline price in yuan per
 * {@code unit} (at most 2 decimals) of the product {@code <code>} (the code the pharmacy dispenses; any case; it may
 * hold dots)</td></tr>
 * <tr><td>{@code drug.<code>.unit}</td><td>per drug</td><td>the unit the price is for (BOX, BOTTLE, TUBE, SACHET, G, ML
 * or their Chinese names 盒 瓶 支 袋 克 毫升); a dispense in another unit is not priced</td></tr>
 * <tr><td>{@code drug.<code>.category}</td><td>per drug</td><td>{@code A} (甲类, claimable), {@code B} (乙类,
 * claimable after the self-pay share) or {@code SELF} (not on the insurance drug list: self-pay)</td></tr>
 * <tr><td>{@code drug.<code>.item}</td><td>optional</td><td>the insurance drug code sent as the item code (FT1-7);
 * absent = the product code</td></tr>
 * <tr><td>{@code drug.category.B.selfpay.percent}</td><td>required with a B drug</td><td>0-100: the share of a
 * category B drug the family pays first (a self-pay line)</td></tr>
 * </table>
 *
 * <p>Example ({@code etc/org.pediconsult.claim.rules.cfg}):
 * <pre>
 * ruleset.2026-01.effective.from = 2026-01-01
 * ruleset.2026-01.effective.to = 2026-07-01
 * ruleset.2026-01.pilot.institutions = CHILDRENS-HOSPITAL-1, CHILDRENS-HOSPITAL-2
 * ruleset.2026-01.pilot.specialties = pediatric-dermatology, pediatric-respiratory
 * ruleset.2026-01.pilot.window.start = 2026-01-01
 * ruleset.2026-01.pilot.window.end = 2026-12-31
 * ruleset.2026-01.physician.min.practice.years = 3
 * ruleset.2026-01.item.initial.code = 110200001
 * ruleset.2026-01.item.initial.amount = 50.00
 * ruleset.2026-01.item.followup.code = 110200002
 * ruleset.2026-01.item.followup.amount = 35.00
 * ruleset.2026-01.referred.partial.fee = 0
 * ruleset.2026-01.pooling.home.regions = 310100
 * ruleset.2026-01.pooling.cross.region = false
 * ruleset.2026-01.item.delivery.code = DELIVERY
 *
 * ruleset.2026-07.effective.from = 2026-07-01
 * ruleset.2026-07.item.initial.amount = 55.00
 * ... (every required key again: a version is complete on its own)
 * </pre>
 *
 * <p>Validation ({@link #parse}) reports every problem at once: a missing required key is named in full
 * ({@code ruleset.2026-07.item.initial.code}), a bad date or amount with its value, and two versions in effect
 * on a common day are refused naming both. Gaps between versions are allowed: a consultation on such a day
 * has no rule set ({@link #noRuleSet}).
 */
public final class RuleSets {
    public static final String PREFIX = "ruleset.";

    static final String EFFECTIVE_FROM = "effective.from";
    static final String EFFECTIVE_TO = "effective.to";
    static final String INSTITUTIONS = "pilot.institutions";
    static final String SPECIALTIES = "pilot.specialties";
    static final String WINDOW_START = "pilot.window.start";
    static final String WINDOW_END = "pilot.window.end";
    static final String MIN_PRACTICE_YEARS = "physician.min.practice.years";
    static final String INITIAL_CODE = "item.initial.code";
    static final String INITIAL_AMOUNT = "item.initial.amount";
    static final String FOLLOW_UP_CODE = "item.followup.code";
    static final String FOLLOW_UP_AMOUNT = "item.followup.amount";
    static final String REFERRED_FEE = "referred.partial.fee";
    static final String REFERRED_CODE = "referred.partial.code";
    static final String HOME_REGIONS = "pooling.home.regions";
    static final String CROSS_REGION = "pooling.cross.region";
    static final String DELIVERY_CODE = "item.delivery.code";

    private static final Set<String> KEYS = Set.of(EFFECTIVE_FROM, EFFECTIVE_TO, INSTITUTIONS, SPECIALTIES,
            WINDOW_START, WINDOW_END, MIN_PRACTICE_YEARS, INITIAL_CODE, INITIAL_AMOUNT, FOLLOW_UP_CODE,
            FOLLOW_UP_AMOUNT, REFERRED_FEE, REFERRED_CODE, HOME_REGIONS, CROSS_REGION, DELIVERY_CODE);
    static final String DRUG = "drug.";
    static final String B_SELF_PAY = "drug.category.B.selfpay.percent";
    static final Set<String> DRUG_KEYS = Set.of("price", "unit", "category", "item");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_-]+");
    public static final String RULE = "rule-set";

    private final List<RuleSet> versions;

    private RuleSets(List<RuleSet> versions) {
        this.versions = versions;
    }

    /** Versions given directly; refused when two are in effect on a common day. */
    public static RuleSets of(RuleSet... versions) {
        List<RuleSet> list = new ArrayList<>(Arrays.asList(versions));
        List<String> errors = new ArrayList<>();
        checkVersions(list, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(message(errors));
        }
        return sorted(list);
    }

    /**
     * The versions in {@code properties} (values as OSGi configuration gives them: strings, numbers, booleans,
     * arrays or collections of strings for the lists).
     *
     * @throws IllegalArgumentException naming every missing key, bad value and overlap
     */
    public static RuleSets parse(Map<String, ?> properties) {
        Map<String, Map<String, Object>> byVersion = new TreeMap<>();
        Map<String, Map<String, Map<String, Object>>> drugs = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                errors.add(key + ": expected ruleset.<version>.<key>");
                continue;
            }
            String version = rest.substring(0, dot);
            String name = rest.substring(dot + 1);
            if (!VERSION.matcher(version).matches()) {
                errors.add(key + ": version id '" + version + "' may hold only letters, digits, '-' and '_'");
            } else if (name.startsWith(DRUG) && !name.equals(B_SELF_PAY)) {
                int last = name.lastIndexOf('.');
                String code = last > DRUG.length() ? name.substring(DRUG.length(), last).strip() : "";
                String attr = name.substring(last + 1);
                if (code.isEmpty() || !DRUG_KEYS.contains(attr) || code.equalsIgnoreCase("category")) {
                    errors.add(key + ": expected ruleset.<version>.drug.<code>.price|unit|category|item");
                } else {
                    drugs.computeIfAbsent(version, v -> new TreeMap<>())
                            .computeIfAbsent(DrugPrice.key(code), x -> new TreeMap<>()).put(attr, e.getValue());
                    byVersion.computeIfAbsent(version, v -> new TreeMap<>());
                }
            } else if (!KEYS.contains(name) && !name.equals(B_SELF_PAY)) {
                errors.add(key + ": unknown key '" + name + "' (known: " + new TreeSet<>(KEYS) + ")");
            } else {
                byVersion.computeIfAbsent(version, v -> new TreeMap<>()).put(name, e.getValue());
            }
        }
        List<RuleSet> list = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> v : byVersion.entrySet()) {
            RuleSet set = new Reader(v.getKey(), v.getValue(), drugs.getOrDefault(v.getKey(), Map.of()), errors)
                    .read();
            if (set != null) {
                list.add(set);
            }
        }
        checkVersions(list, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(message(errors));
        }
        return sorted(list);
    }

    /** Every version, by effective-from. */
    public List<RuleSet> versions() {
        return versions;
    }

    /** The version in effect on {@code day} (the consultation's completion day); empty when none is, or no day. */
    public Optional<RuleSet> forDay(LocalDate day) {
        if (day == null) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> v.inEffectOn(day)).findFirst();
    }

    /** Why {@link #forDay} found nothing on {@code day}: no day, nothing configured, or the configured periods. */
    public Reason noRuleSet(LocalDate day) {
        if (day == null) {
            return Reason.of(RULE, "问诊日期未知，无法确定适用的医保规则版本",
                    "the consultation's day is unknown: no claim rule set can be chosen");
        }
        if (versions.isEmpty()) {
            return Reason.of(RULE, "未配置医保规则，" + day + " 的问诊不能申报",
                    "no claim rule set is configured: the consultation of " + day + " cannot be claimed");
        }
        String periods = versions.stream().map(RuleSet::period).collect(Collectors.joining(", "));
        return Reason.of(RULE, day + " 无生效的医保规则版本（已配置：" + periods + "）",
                "no claim rule set is in effect on " + day + " (configured: " + periods + ")");
    }

    private static RuleSets sorted(List<RuleSet> list) {
        list.sort(Comparator.comparing(RuleSet::effectiveFrom));
        return new RuleSets(List.copyOf(list));
    }

    private static String message(List<String> errors) {
        return "invalid claim rule sets: " + String.join("; ", errors);
    }

    private static void checkVersions(List<RuleSet> list, List<String> errors) {
        Set<String> ids = new TreeSet<>();
        for (RuleSet s : list) {
            if (!ids.add(s.version())) {
                errors.add("rule-set version " + s.version() + " is given twice");
            }
        }
        List<RuleSet> byFrom = new ArrayList<>(list);
        byFrom.sort(Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::version));
        for (int i = 0; i < byFrom.size(); i++) {
            for (int j = i + 1; j < byFrom.size(); j++) {
                RuleSet a = byFrom.get(i);
                RuleSet b = byFrom.get(j);
                if (overlap(a, b)) {
                    LocalDate common = b.effectiveFrom();
                    errors.add("rule-set versions " + a.period() + " and " + b.period()
                            + " overlap (both in effect on " + common + "): set " + PREFIX + a.version() + "."
                            + EFFECTIVE_TO + " to " + common + " or earlier");
                }
            }
        }
    }

    /** {@code a} starts no later than {@code b}; they share a day when {@code b} starts before {@code a} ends. */
    private static boolean overlap(RuleSet a, RuleSet b) {
        return a.effectiveTo() == null || b.effectiveFrom().isBefore(a.effectiveTo());
    }

    /** Reads one version's keys, adding every problem to {@code errors}; null when any. */
    private static final class Reader {
        private final String version;
        private final Map<String, Object> values;
        private final Map<String, Map<String, Object>> drugValues;
        private final List<String> errors;
        private final int errorsBefore;

        Reader(String version, Map<String, Object> values, Map<String, Map<String, Object>> drugValues, List<String> errors) {
            this.version = version;
            this.values = values;
            this.drugValues = drugValues;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        RuleSet read() {
            LocalDate from = date(EFFECTIVE_FROM, true);
            LocalDate to = date(EFFECTIVE_TO, false);
            Set<String> institutions = list(INSTITUTIONS);
            Set<String> specialties = list(SPECIALTIES);
            LocalDate windowStart = date(WINDOW_START, true);
            LocalDate windowEnd = date(WINDOW_END, true);
            Integer minYears = integer(MIN_PRACTICE_YEARS, RuleSet.DEFAULT_MIN_PRACTICE_YEARS);
            String initialCode = text(INITIAL_CODE, true);
            BigDecimal initialAmount = amount(INITIAL_AMOUNT, null);
            String followUpCode = text(FOLLOW_UP_CODE, true);
            BigDecimal followUpAmount = amount(FOLLOW_UP_AMOUNT, null);
            BigDecimal referredFee = amount(REFERRED_FEE, BigDecimal.ZERO);
            String referredCode = text(REFERRED_CODE, false);
            Set<String> homeRegions = list(HOME_REGIONS);
            Boolean crossRegion = bool(CROSS_REGION, false);
            String deliveryCode = text(DELIVERY_CODE, false);
            Map<String, DrugPrice> drugs = drugs();
            Integer bPercent = integer(B_SELF_PAY, -1);
            if (bPercent != null && bPercent > 100) {
                errors.add(key(B_SELF_PAY) + ": a percent from 0 to 100, was " + bPercent);
            }
            if (bPercent != null && bPercent < 0) {
                if (drugs.values().stream().anyMatch(d -> d.category() == DrugPrice.Category.B)) {
                    errors.add("missing required key " + key(B_SELF_PAY) + " (the catalogue lists a category B drug)");
                }
                bPercent = 0;
            }
            if (from != null && to != null && !to.isAfter(from)) {
                errors.add(key(EFFECTIVE_TO) + " (" + to + ") must be after " + key(EFFECTIVE_FROM) + " (" + from + ")");
            }
            if (windowStart != null && windowEnd != null && windowEnd.isBefore(windowStart)) {
                errors.add(key(WINDOW_END) + " (" + windowEnd + ") is before " + key(WINDOW_START) + " ("
                        + windowStart + ")");
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new RuleSet(version, from, to, institutions, specialties, windowStart, windowEnd, minYears,
                    initialCode, initialAmount, followUpCode, followUpAmount, referredFee, referredCode, homeRegions,
                    crossRegion, deliveryCode == null ? RuleSet.DEFAULT_DELIVERY_ITEM_CODE : deliveryCode, drugs, bPercent);
        }

        /** The drug price catalogue: every drug needs its price, unit and category. */
        private Map<String, DrugPrice> drugs() {
            Map<String, DrugPrice> out = new TreeMap<>();
            for (Map.Entry<String, Map<String, Object>> d : drugValues.entrySet()) {
                String code = d.getKey();
                Map<String, Object> v = d.getValue();
                String prefix = PREFIX + version + "." + DRUG + code + ".";
                String price = drugText(v, "price", prefix);
                String unit = drugText(v, "unit", prefix);
                String category = drugText(v, "category", prefix);
                Object item = v.get("item");
                BigDecimal amount = null;
                if (price != null) {
                    try {
                        amount = Money.amount(new BigDecimal(price), prefix + "price");
                    } catch (NumberFormatException e) {
                        errors.add(prefix + "price: '" + price + "' is not an amount");
                    } catch (IllegalArgumentException e) {
                        errors.add(e.getMessage());
                    }
                }
                DrugPrice.Category cat = null;
                if (category != null) {
                    try {
                        cat = DrugPrice.Category.valueOf(category.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        errors.add(prefix + "category: '" + category + "' is not A, B or SELF");
                    }
                }
                if (amount != null && unit != null && cat != null) {
                    out.put(code, new DrugPrice(code, amount, unit, cat, item == null ? null : scalar(item).strip()));
                }
            }
            return out;
        }

        private String drugText(Map<String, Object> v, String attr, String prefix) {
            Object value = v.get(attr);
            String s = value == null ? null : scalar(value).strip();
            if (s == null || s.isEmpty()) {
                errors.add("missing required key " + prefix + attr);
                return null;
            }
            return s;
        }

        private String key(String name) {
            return PREFIX + version + "." + name;
        }

        /** The trimmed value, null when absent or blank (a missing required key is reported). */
        private String raw(String name, boolean required) {
            Object value = values.get(name);
            String s = value == null ? null : scalar(value).trim();
            if (s == null || s.isEmpty()) {
                if (required) {
                    errors.add("missing required key " + key(name));
                }
                return null;
            }
            return s;
        }

        private static String scalar(Object value) {
            if (value instanceof String[] array) {
                return String.join(",", array);
            }
            if (value instanceof Collection<?> c) {
                return c.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
            return String.valueOf(value);
        }

        private String text(String name, boolean required) {
            return raw(name, required);
        }

        private LocalDate date(String name, boolean required) {
            String s = raw(name, required);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(key(name) + ": '" + s + "' is not a date (yyyy-MM-dd)");
                return null;
            }
        }

        private Set<String> list(String name) {
            String s = raw(name, true);
            if (s == null) {
                return Set.of();
            }
            Set<String> items = new LinkedHashSet<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
            if (items.isEmpty()) {
                errors.add(key(name) + ": lists nothing");
            }
            return items;
        }

        private Integer integer(String name, int defaultValue) {
            String s = raw(name, false);
            if (s == null) {
                return defaultValue;
            }
            try {
                int n = Integer.parseInt(s);
                if (n < 0) {
                    errors.add(key(name) + ": must not be negative, was " + n);
                    return 0;
                }
                return n;
            } catch (NumberFormatException e) {
                errors.add(key(name) + ": '" + s + "' is not a whole number");
                return defaultValue;
            }
        }

        /** An amount; {@code defaultValue} null = required. */
        private BigDecimal amount(String name, BigDecimal defaultValue) {
            String s = raw(name, defaultValue == null);
            if (s == null) {
                return defaultValue;
            }
            try {
                return Money.amount(new BigDecimal(s), key(name));
            } catch (NumberFormatException e) {
                errors.add(key(name) + ": '" + s + "' is not an amount");
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
            return defaultValue;
        }

        private Boolean bool(String name, boolean defaultValue) {
            String s = raw(name, false);
            if (s == null) {
                return defaultValue;
            }
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
            errors.add(key(name) + ": '" + s + "' is not true or false");
            return defaultValue;
        }
    }
}
