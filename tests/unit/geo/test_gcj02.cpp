// GCJ-02 <-> WGS84 against the known pairs of the township seat files (the _wgs84 file was
// derived from the GCJ-02 one by an independent implementation of the same inverse).
#include <catch2/catch.hpp>

#include <riskatlas/geo/gcj02.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <string>

using riskatlas::geo::lonlat;

namespace {

const std::string data_dir = std::string(RISKATLAS_SOURCE_DIR) + "/demo/data/yanzhou/";

std::map<std::string, lonlat> points_by_code(const std::string &file) {
    std::ifstream in(data_dir + file);
    REQUIRE(in);
    const auto doc = nlohmann::json::parse(in);
    std::map<std::string, lonlat> out;
    for (const auto &f : doc.at("features"))
        if (!f.at("geometry").is_null()) {
            const auto &c = f.at("geometry").at("coordinates");
            out[f.at("properties").at("code").get<std::string>()] = {c[0].get<double>(),
                                                                     c[1].get<double>()};
        }
    return out;
}

// Ground distance in metres between nearby points (equirectangular; fine below ~1 km).
double metres(lonlat a, lonlat b) {
    const double k = std::cos(a.lat * 3.14159265358979 / 180.0);
    return std::hypot((a.lon - b.lon) * 111320.0 * k, (a.lat - b.lat) * 110574.0);
}

} // namespace

TEST_CASE("GCJ-02 <-> WGS84 matches the known township pairs", "[unit][geo]") {
    const auto gcj = points_by_code("yanzhou_370812_township_points_vonng_gcj02.geojson");
    const auto wgs = points_by_code("yanzhou_370812_township_points_vonng_wgs84.geojson");
    REQUIRE(gcj.size() == 8); // two streets have no location
    REQUIRE(wgs.size() == gcj.size());
    for (const auto &[code, g] : gcj) {
        INFO(code);
        const lonlat w = wgs.at(code);
        const lonlat back = riskatlas::geo::gcj02_to_wgs84(g);
        CHECK(std::abs(back.lon - w.lon) < 1e-6);
        CHECK(std::abs(back.lat - w.lat) < 1e-6);
        const lonlat forward = riskatlas::geo::wgs84_to_gcj02(w);
        CHECK(std::abs(forward.lon - g.lon) < 1e-6);
        CHECK(std::abs(forward.lat - g.lat) < 1e-6);
        // SOURCES.md: the shift near these regions is about 430-600 m, mostly to the east.
        CHECK(metres(g, w) > 400);
        CHECK(metres(g, w) < 650);
        CHECK(g.lon > w.lon);
    }
}

TEST_CASE("GCJ-02 inverse round-trips across China", "[unit][geo]") {
    const double lon = GENERATE(75.5, 98.25, 108.4, 116.8, 121.47, 134.2);
    const double lat = GENERATE(18.3, 30.97, 35.56, 45.75, 53.4);
    const lonlat wgs{lon, lat};
    const lonlat back = riskatlas::geo::gcj02_to_wgs84(riskatlas::geo::wgs84_to_gcj02(wgs));
    CHECK(std::abs(back.lon - lon) < 1e-9);
    CHECK(std::abs(back.lat - lat) < 1e-9);
}

TEST_CASE("outside China GCJ-02 is the identity", "[unit][geo]") {
    for (const lonlat p : {lonlat{2.35, 48.85}, lonlat{-74.0, 40.7}, lonlat{139.7, 35.7}}) {
        CHECK_FALSE(riskatlas::geo::in_gcj02_area(p));
        const auto q = riskatlas::geo::wgs84_to_gcj02(p);
        CHECK(q.lon == p.lon);
        CHECK(q.lat == p.lat);
        const auto r = riskatlas::geo::gcj02_to_wgs84(p);
        CHECK(r.lon == p.lon);
        CHECK(r.lat == p.lat);
    }
}
