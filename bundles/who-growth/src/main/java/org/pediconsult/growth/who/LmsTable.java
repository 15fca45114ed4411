package org.pediconsult.growth.who;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One WHO LMS table as published by WHO anthro/anthroplus ({@code data-raw/growthstandards/*.txt}):
 * tab-separated, CRLF, a header row, columns {@code sex} (1 male, 2 female), the x column (age in days,
 * age in months, or length/height in cm), {@code l}, {@code m}, {@code s}, and optionally {@code loh}/{@code lorh}
 * (ignored: the file itself says whether it is a length or a height table). Rows are looked up by x with
 * linear interpolation of L, M and S between the two neighbouring rows, as WHO anthro does for
 * length/height and anthroplus does for fractional months.
 */
final class LmsTable {

    private final String name;
    private final Map<Sex, double[]> xs;
    private final Map<Sex, Lms[]> rows;

    private LmsTable(String name, Map<Sex, double[]> xs, Map<Sex, Lms[]> rows) {
        this.name = name;
        this.xs = xs;
        this.rows = rows;
    }

    /** Parses a WHO table; {@code xColumn} is the header name of the x column (age, length or height). */
    static LmsTable parse(String name, InputStream in, String xColumn) {
        Map<Sex, List<double[]>> bySex = new EnumMap<>(Sex.class);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalStateException(name + ": empty table");
            }
            List<String> columns = Arrays.asList(header.trim().split("\t"));
            int[] idx = {column(name, columns, "sex"), column(name, columns, xColumn),
                column(name, columns, "l"), column(name, columns, "m"), column(name, columns, "s")};
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\t");
                try {
                    Sex sex = sexOf(Integer.parseInt(f[idx[0]].trim()));
                    bySex.computeIfAbsent(sex, k -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(f[idx[1]]), Double.parseDouble(f[idx[2]]),
                        Double.parseDouble(f[idx[3]]), Double.parseDouble(f[idx[4]])});
                } catch (RuntimeException e) {
                    throw new IllegalStateException(name + " line " + lineNo + ": cannot parse '" + line + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WHO table " + name, e);
        }
        Map<Sex, double[]> xs = new EnumMap<>(Sex.class);
        Map<Sex, Lms[]> rows = new EnumMap<>(Sex.class);
        for (Sex sex : Sex.values()) {
            List<double[]> list = bySex.get(sex);
            if (list == null || list.size() < 2) {
                throw new IllegalStateException(name + ": fewer than 2 rows for " + sex);
            }
            double[] x = new double[list.size()];
            Lms[] lms = new Lms[list.size()];
            for (int i = 0; i < x.length; i++) {
                double[] r = list.get(i);
                x[i] = r[0];
                lms[i] = new Lms(r[1], r[2], r[3]);
                if (i > 0 && !(x[i] > x[i - 1])) {
                    throw new IllegalStateException(name + ": x not strictly increasing at " + x[i] + " for " + sex);
                }
            }
            xs.put(sex, x);
            rows.put(sex, lms);
        }
        return new LmsTable(name, xs, rows);
    }

    private static int column(String table, List<String> columns, String wanted) {
        int i = columns.indexOf(wanted);
        if (i < 0) {
            throw new IllegalStateException(table + ": no column '" + wanted + "' in " + columns);
        }
        return i;
    }

    private static Sex sexOf(int whoCode) {
        if (whoCode == 1) {
            return Sex.MALE;
        }
        if (whoCode == 2) {
            return Sex.FEMALE;
        }
        throw new IllegalArgumentException("sex code " + whoCode);
    }

    /** The file name, for messages. */
    String name() {
        return name;
    }

    /** The first tabulated x for this sex. */
    double min(Sex sex) {
        return xs.get(sex)[0];
    }

    /** The last tabulated x for this sex. */
    double max(Sex sex) {
        double[] x = xs.get(sex);
        return x[x.length - 1];
    }

    /**
     * L, M and S at x, interpolated linearly between the neighbouring rows (the row itself when x is
     * tabulated).
     *
     * @throws IllegalArgumentException if x is outside [min, max] or NaN
     */
    Lms at(Sex sex, double x) {
        double[] table = xs.get(sex);
        Lms[] lms = rows.get(sex);
        if (!(x >= table[0] && x <= table[table.length - 1])) {
            throw new IllegalArgumentException(name + ": x=" + x + " outside [" + table[0] + ", "
                + table[table.length - 1] + "] for " + sex);
        }
        int i = Arrays.binarySearch(table, x);
        if (i >= 0) {
            return lms[i];
        }
        int upper = -i - 1;
        int lower = upper - 1;
        double f = (x - table[lower]) / (table[upper] - table[lower]);
        return Lms.interpolate(lms[lower], lms[upper], f);
    }
}
