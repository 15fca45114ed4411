package org.pediconsult.consultation.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.internal.geo.City;
import org.pediconsult.consultation.internal.geo.CityTable;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.ReportSection;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.ChartType;
import org.pediconsult.platform.api.report.SectionContent.Table;
import org.pediconsult.platform.api.report.SectionContent.Unit;

/**
 * Travel saved: for each COMPLETED consultation created in the period, the great-circle distance between
 * the family's city (the guardian's {@code city}, else the child's {@code his_city} from the HIS) and the
 * city of the physician's institution ({@code institution.<CODE>.city} in
 * {@code etc/org.pediconsult.consultation.cfg}), both from the bundle's city table. One GROUP BY by
 * (family city, specialty, institution); distances are per group.
 */
@Component(service = ReportSection.class, configurationPid = "org.pediconsult.consultation")
public class TravelSection implements ReportSection {
    /** A city is shown by name only with at least this many consultations; fewer are folded into "other". */
    static final int MIN_CITY_COUNT = 3;

    private final Tx tx;
    private final CityTable cities;
    private volatile Map<String, String> hospitalCities;

    @Activate
    public TravelSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                         @Reference ConsultationWorkflow schemaReady, Map<String, Object> properties) {
        this(dataSource, CityTable.shipped(), properties);
    }

    TravelSection(DataSource dataSource, CityTable cities, Map<String, ?> properties) {
        this.tx = new Tx(dataSource);
        this.cities = cities;
        this.hospitalCities = hospitalCities(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        this.hospitalCities = hospitalCities(properties);
    }

    /** {@code institution.<CODE>.city = 北京} entries of the configuration: institution code to city name. */
    static Map<String, String> hospitalCities(Map<String, ?> properties) {
        Map<String, String> out = new TreeMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> {
                if (key.startsWith("institution.") && key.endsWith(".city") && value != null
                        && key.length() > "institution.".length() + ".city".length()) {
                    out.put(key.substring("institution.".length(), key.length() - ".city".length()), value.toString().strip());
                }
            });
        }
        return out;
    }

    @Override
    public String id() {
        return "travel";
    }

    @Override
    public Label title() {
        return Label.of("免于出行", "Travel saved");
    }

    @Override
    public int order() {
        return 200;
    }

    private static final class Sum {
        long consultations;
        long known;
        double km;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        Map<String, String> hospitals = hospitalCities;
        return tx.read(c -> {
            Instant start = period.start();
            Instant end = period.end();
            Sum total = new Sum();
            Map<String, Sum> bySpecialty = new TreeMap<>();
            Map<City, Sum> byOrigin = new LinkedHashMap<>();
            TreeSet<String> institutionsWithoutCity = new TreeSet<>();
            ReportSql.query(c, "SELECT x.city, x.specialty_id, x.institution, COUNT(*) AS n FROM (SELECT "
                    + "COALESCE(g.city, ch.his_city) AS city, k.specialty_id, p.institution FROM consult_consultation k "
                    + "JOIN consult_guardian g ON g.id = k.guardian_id JOIN consult_child ch ON ch.id = k.child_id "
                    + "LEFT JOIN consult_physician p ON p.id = k.physician_id "
                    + "WHERE k.state = 'COMPLETED' AND k.created_at >= ? AND k.created_at < ?) x "
                    + "GROUP BY x.city, x.specialty_id, x.institution", ReportSql.params(start, end), rs -> {
                long n = rs.getLong("n");
                String institution = rs.getString("institution");
                Optional<City> family = cities.find(rs.getString("city"));
                Optional<City> hospital = institution == null ? Optional.empty()
                        : cities.find(hospitals.get(institution));
                Sum s = bySpecialty.computeIfAbsent(rs.getString("specialty_id"), k -> new Sum());
                s.consultations += n;
                total.consultations += n;
                if (hospital.isEmpty()) {
                    institutionsWithoutCity.add(institution == null ? "-" : institution);
                }
                if (family.isPresent() && hospital.isPresent()) {
                    double km = family.get().distanceKm(hospital.get()) * n;
                    s.known += n;
                    s.km += km;
                    total.known += n;
                    total.km += km;
                    Sum o = byOrigin.computeIfAbsent(family.get(), k -> new Sum());
                    o.consultations += n;
                    o.known += n;
                    o.km += km;
                }
            });

            SectionContent.Builder out = SectionContent.builder()
                    .figure("km_total", Label.of("免于出行总里程", "Travel saved, total"), ReportSql.round1(total.km), Unit.KM)
                    .figure("completed", Label.of("已完成问诊", "Completed consultations"), total.consultations, Unit.COUNT)
                    .figure("with_city", Label.of("已知城市的问诊", "With a known city"), total.known, Unit.COUNT)
                    .figure("without_city", Label.of("城市未知的问诊", "With an unknown city"),
                            total.consultations - total.known, Unit.COUNT)
                    .figure("km_mean", Label.of("平均每次免于出行", "Mean travel saved per consultation"),
                            total.known == 0 ? null : ReportSql.round1(total.km / total.known), Unit.KM);

            Table.Builder spec = Table.builder("by-specialty", Label.of("按专科免于出行", "Travel saved per specialty"))
                    .column("specialty", Label.of("专科", "Specialty"), Unit.TEXT)
                    .column("completed", Label.of("已完成问诊", "Completed"), Unit.COUNT)
                    .column("with_city", Label.of("已知城市", "With a known city"), Unit.COUNT)
                    .column("km", Label.of("总里程", "Total distance"), Unit.KM)
                    .column("km_mean", Label.of("平均里程", "Mean distance"), Unit.KM);
            bySpecialty.forEach((id, s) -> spec.row(id, s.consultations, s.known, ReportSql.round1(s.km),
                    s.known == 0 ? null : ReportSql.round1(s.km / s.known)));
            out.table(spec.build()).chart(ChartType.BAR, Label.of("按专科免于出行里程", "Travel saved per specialty"),
                    "by-specialty", "specialty", "km");

            List<Map.Entry<City, Sum>> origins = new ArrayList<>(byOrigin.entrySet());
            origins.sort((a, b) -> {
                int s = Long.compare(b.getValue().consultations, a.getValue().consultations);
                return s != 0 ? s : a.getKey().code().compareTo(b.getKey().code());
            });
            Table.Builder org = Table.builder("origin-cities", Label.of("主要来源城市", "Top origin cities"))
                    .column("city", Label.of("城市", "City"), Unit.TEXT)
                    .column("consultations", Label.of("问诊数", "Consultations"), Unit.COUNT)
                    .column("km", Label.of("总里程", "Total distance"), Unit.KM);
            Sum other = new Sum();
            int shown = 0;
            for (Map.Entry<City, Sum> e : origins) {
                if (e.getValue().consultations >= MIN_CITY_COUNT && shown < 10) {
                    City city = e.getKey();
                    org.row(Label.of(city.nameZh(), city.nameEn()), e.getValue().consultations, ReportSql.round1(e.getValue().km));
                    shown++;
                } else {
                    other.consultations += e.getValue().consultations;
                    other.km += e.getValue().km;
                }
            }
            if (other.consultations > 0) {
                org.row(ReportSql.OTHER, other.consultations, ReportSql.round1(other.km));
            }
            out.table(org.build());

            out.note(Label.of("免于出行里程：本期内创建并已完成的问诊，家庭所在城市与医生所属医院所在城市之间的大圆距离（半正矢公式，地球半径 6371.0088 千米）。",
                    "Travel saved: for each completed consultation created in the period, the great-circle distance (haversine, Earth radius 6371.0088 km) between the family's city and the city of the physician's hospital."))
               .note(Label.of("家庭城市取监护人填写的城市，未填写时取医院信息系统（HIS）登记的患儿住址城市；城市坐标来自随系统发布的城市表（GeoNames，CC BY 4.0）。",
                    "The family's city is the one the guardian gave, else the city of the child's address in the hospital's HIS; coordinates from the city table shipped with the suite (GeoNames, CC BY 4.0)."))
               .note(Label.of("来源城市表仅列出至少 " + MIN_CITY_COUNT + " 次问诊的城市（最多10个），其余计入“其他”；城市无法识别的问诊不计里程。",
                    "The origin table names a city only with at least " + MIN_CITY_COUNT + " consultations (at most 10 cities); the rest are shown as \"other\". Consultations whose city is not recognised add no distance."));
            if (!institutionsWithoutCity.isEmpty()) {
                out.note(Label.of("以下机构未配置所在城市（institution.<代码>.city），其问诊不计里程：" + String.join(", ", institutionsWithoutCity),
                        "No city configured (institution.<CODE>.city) for these institutions; their consultations add no distance: "
                                + String.join(", ", institutionsWithoutCity)));
            }
            return out.build();
        });
    }
}
