package org.pediconsult.consultation.internal.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The city table shipped in this bundle ({@code cities.csv} beside this class: source and licence in its
 * header and in the bundle's README). Lookup by the Chinese name, with or without the suffix 市
 * ({@code 苏州}, {@code 苏州市}), or by the English (pinyin) name, case-insensitive ({@code suzhou}); an
 * English name shared by two cities (Suzhou 苏州/宿州, Fuzhou, Taizhou, Yichun, Yulin) is matched only
 * with its province: {@code "Suzhou, Jiangsu"}.
 */
public final class CityTable {
    private static volatile CityTable shipped;

    private final List<City> cities;
    private final Map<String, City> byZh = new HashMap<>();
    private final Map<String, List<City>> byEn = new HashMap<>();

    CityTable(List<City> cities) {
        this.cities = Collections.unmodifiableList(new ArrayList<>(cities));
        for (City c : cities) {
            byZh.put(c.nameZh(), c);
            byZh.putIfAbsent(stripShi(c.nameZh()), c);
            byEn.computeIfAbsent(c.nameEn().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
        }
    }

    /** The table shipped in the bundle (read once). */
    public static CityTable shipped() {
        CityTable t = shipped;
        if (t == null) {
            try (InputStream in = CityTable.class.getResourceAsStream("cities.csv")) {
                if (in == null) {
                    throw new IllegalStateException("cities.csv missing from the bundle");
                }
                t = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = t;
        }
        return t;
    }

    static CityTable parse(InputStream in) throws IOException {
        List<City> list = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = true;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", -1);
            list.add(new City(f[0], f[1], f[2], f[3], f[4], Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
        return new CityTable(list);
    }

    public List<City> all() {
        return cities;
    }

    /** The city a name means, or empty (unknown, blank, or an English name shared by several cities without its province). */
    public Optional<City> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        if (n.isEmpty()) {
            return Optional.empty();
        }
        City c = byZh.get(n);
        if (c == null) {
            c = byZh.get(stripShi(n));
        }
        if (c != null) {
            return Optional.of(c);
        }
        String province = null;
        int comma = n.indexOf(',');
        if (comma < 0) {
            comma = n.indexOf('，');
        }
        if (comma > 0) {
            province = n.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
            n = n.substring(0, comma).strip();
        }
        String en = n.toLowerCase(Locale.ROOT);
        if (en.endsWith(" shi")) {
            en = en.substring(0, en.length() - 4).strip();
        } else if (en.endsWith(" city")) {
            en = en.substring(0, en.length() - 5).strip();
        }
        List<City> same = byEn.getOrDefault(en, List.of());
        if (province != null) {
            String p = province;
            same = same.stream().filter(x -> x.provinceEn().toLowerCase(Locale.ROOT).equals(p)
                    || x.provinceZh().equals(p) || stripProvince(x.provinceZh()).equals(p)).toList();
        }
        return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
    }

    private static String stripShi(String zh) {
        return zh.length() > 1 && zh.endsWith("市") ? zh.substring(0, zh.length() - 1) : zh;
    }

    private static String stripProvince(String zh) {
        return zh.length() > 1 && zh.endsWith("省") ? zh.substring(0, zh.length() - 1) : zh;
    }
}
