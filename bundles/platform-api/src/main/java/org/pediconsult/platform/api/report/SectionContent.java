package org.pediconsult.platform.api.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a section computed: headline figures, tables, charts drawn from the tables, and notes (how a
 * figure is computed, what it does not count). Rendered without knowing the section: as JSON for the
 * UI, as CSV (figures, then each table) and as pages of the PDF.
 *
 * <p>Cell values are {@code null} (shown empty), a {@link Number}, a {@link String} (shown as is) or a
 * {@link Label} (shown in the reader's language).
 */
public final class SectionContent {
    /** How a number is shown; {@code TEXT} for a column of words. */
    public enum Unit {
        TEXT, COUNT, NUMBER,
        /** a percentage, 0-100 (not a fraction) */
        PERCENT,
        SECONDS, MINUTES, HOURS, KM, MS, YUAN
    }

    public enum ChartType { BAR, LINE }

    /** A headline number. */
    public record Figure(String key, Label label, Number value, Unit unit) {
        public Figure {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
        }
    }

    public record Column(String key, Label label, Unit unit) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** A table; every row has one cell per column. */
    public record Table(String id, Label title, List<Column> columns, List<List<Object>> rows) {
        public Table {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            columns = List.copyOf(columns);
            List<List<Object>> copy = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + id + ": a row of " + row.size() + " cells for "
                            + columns.size() + " columns");
                }
                copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = Collections.unmodifiableList(copy);
        }

        public static Builder builder(String id, Label title) {
            return new Builder(id, title);
        }

        public static final class Builder {
            private final String id;
            private final Label title;
            private final List<Column> columns = new ArrayList<>();
            private final List<List<Object>> rows = new ArrayList<>();

            private Builder(String id, Label title) {
                this.id = id;
                this.title = title;
            }

            public Builder column(String key, Label label, Unit unit) {
                columns.add(new Column(key, label, unit));
                return this;
            }

            public Builder row(Object... cells) {
                rows.add(Arrays.asList(cells));
                return this;
            }

            public Table build() {
                return new Table(id, title, columns, rows);
            }
        }
    }

    /** A chart of one table: {@code x} is a column key, each series a numeric column key. */
    public record Chart(ChartType type, Label title, String table, String x, List<String> series) {
        public Chart {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(x, "x");
            series = List.copyOf(series);
        }
    }

    private final List<Figure> figures;
    private final List<Table> tables;
    private final List<Chart> charts;
    private final List<Label> notes;

    private SectionContent(Builder b) {
        this.figures = List.copyOf(b.figures);
        this.tables = List.copyOf(b.tables);
        this.charts = List.copyOf(b.charts);
        this.notes = List.copyOf(b.notes);
        for (Chart chart : charts) {
            Table table = tables.stream().filter(t -> t.id().equals(chart.table())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("chart of unknown table " + chart.table()));
            List<String> keys = table.columns().stream().map(Column::key).toList();
            if (!keys.contains(chart.x()) || !keys.containsAll(chart.series())) {
                throw new IllegalArgumentException("chart of table " + chart.table() + " names a column it does not have");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Figure> figures() {
        return figures;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Chart> charts() {
        return charts;
    }

    public List<Label> notes() {
        return notes;
    }

    public static final class Builder {
        private final List<Figure> figures = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private final List<Label> notes = new ArrayList<>();

        private Builder() {
        }

        public Builder figure(String key, Label label, Number value, Unit unit) {
            figures.add(new Figure(key, label, value, unit));
            return this;
        }

        public Builder table(Table table) {
            tables.add(table);
            return this;
        }

        public Builder chart(ChartType type, Label title, String table, String x, String... series) {
            charts.add(new Chart(type, title, table, x, List.of(series)));
            return this;
        }

        public Builder note(Label note) {
            notes.add(note);
            return this;
        }

        public SectionContent build() {
            return new SectionContent(this);
        }
    }
}
