// geo::geometry (the GEOS wrapper), voronoi_cells and random_points_in.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/geo/geometry.hpp>

#include <cmath>
#include <thread>
#include <vector>

using riskatlas::geo::geometry;
using riskatlas::geo::invalid_geometry;
using riskatlas::geo::lonlat;

namespace {
const char *const unit_square = "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))";
const char *const bow_tie = "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))";
// An L whose centroid (1.1, 1.1) lies outside it.
const char *const l_shape = "POLYGON ((0 0, 3 0, 3 1, 1 1, 1 3, 0 3, 0 0))";
} // namespace

TEST_CASE("WKT in and out", "[unit][geo]") {
    const auto g = geometry::from_wkt("POINT (116.8251491 35.5596728)");
    CHECK(g.type_name() == "Point");
    CHECK(g.to_wkt() == "POINT (116.8251491 35.5596728)");
    CHECK(g.to_wkt(2) == "POINT (116.83 35.56)");
    CHECK(geometry::from_wkt(unit_square).to_wkt() == unit_square);
    CHECK(geometry().is_empty());
    CHECK(geometry().type_name() == "GeometryCollection");
}

TEST_CASE("malformed WKT and WKB throw invalid_geometry", "[unit][geo]") {
    CHECK_THROWS_AS(geometry::from_wkt("POLYGON ((0 0, 1 0"), invalid_geometry);
    CHECK_THROWS_AS(geometry::from_wkt("not wkt"), invalid_geometry);
    CHECK_THROWS_AS(geometry::from_wkb(std::string_view("\x01\x02\x03", 3)), invalid_geometry);
    CHECK_THROWS_AS(geometry::from_hex_wkb("0101zz"), invalid_geometry);
    try {
        geometry::from_wkt("LINESTRING (0 0)");
        FAIL("expected invalid_geometry");
    } catch (const riskatlas::invalid_argument &e) { // the base class maps to HTTP 400
        CHECK(e.code() == "invalid_geometry");
        CHECK(std::string(e.what()).find("WKT") != std::string::npos);
    }
}

TEST_CASE("WKB round trips bit for bit", "[unit][geo]") {
    const auto p = geometry::point({1, 2});
    // ISO WKB, little-endian: byte order 01, type 1 (Point), x = 1.0, y = 2.0
    CHECK(p.to_hex_wkb() == "0101000000000000000000F03F0000000000000040");
    CHECK(geometry::from_hex_wkb("0101000000000000000000F03F0000000000000040") == p);
    const auto poly =
        geometry::from_wkt("POLYGON ((116.1 35.1, 116.3 35.1, 116.2 35.3, 116.1 35.1))");
    CHECK(geometry::from_wkb(poly.to_wkb()) == poly);
    CHECK_FALSE(geometry::point({1, 2}) == geometry::point({1, 2.0000000000001}));
}

TEST_CASE("validity, reasons and repair", "[unit][geo]") {
    const auto good = geometry::from_wkt(unit_square);
    CHECK(good.is_valid());
    CHECK_FALSE(good.invalid_reason());
    CHECK(good.make_valid() == good);

    const auto bad = geometry::from_wkt(bow_tie);
    CHECK_FALSE(bad.is_valid());
    REQUIRE(bad.invalid_reason());
    CHECK(bad.invalid_reason()->find("Self-intersection") != std::string::npos);
    for (const auto method :
         {riskatlas::geo::repair_method::linework, riskatlas::geo::repair_method::structure}) {
        const auto fixed = bad.make_valid(method);
        CHECK(fixed.is_valid());
        CHECK(fixed.is_polygonal());
        CHECK(fixed.area() == Approx(2.0)); // the two triangles of the bow tie
    }
}

TEST_CASE("measures and predicates", "[unit][geo]") {
    const auto square = geometry::from_wkt("POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))");
    CHECK(square.area() == 8.0);
    CHECK(square.envelope() == riskatlas::geo::bbox{0, 0, 4, 2});
    CHECK_THROWS_AS(geometry().envelope(), invalid_geometry);
    CHECK(square.contains(lonlat{1, 1}));
    CHECK_FALSE(square.contains(lonlat{0, 1})); // on the boundary
    CHECK(square.covers(geometry::point({0, 1})));
    CHECK_FALSE(square.contains(lonlat{5, 1}));
    CHECK(square.intersects(geometry::from_wkt("LINESTRING (-1 -1, 1 1)")));

    const auto other = geometry::from_wkt("POLYGON ((3 1, 5 1, 5 3, 3 3, 3 1))");
    CHECK(square.intersection(other).area() == 1.0);
    CHECK(square.intersection(geometry::from_wkt("POLYGON ((9 9, 10 9, 10 10, 9 9))")).is_empty());
}

TEST_CASE("centroid can fall outside; point_on_surface cannot", "[unit][geo]") {
    const auto l = geometry::from_wkt(l_shape);
    const auto c = l.centroid().as_lonlat();
    CHECK(c.lon == Approx(1.1));
    CHECK(c.lat == Approx(1.1));
    CHECK_FALSE(l.contains(c));
    CHECK(l.contains(l.point_on_surface()));
    CHECK_THROWS_AS(l.as_lonlat(), invalid_geometry);
}

TEST_CASE("polygonal_part keeps only polygons", "[unit][geo]") {
    const auto mixed = geometry::from_wkt(
        "GEOMETRYCOLLECTION (POINT (9 9), POLYGON ((0 0, 1 0, 1 1, 0 0)), LINESTRING (5 5, 6 6), "
        "POLYGON ((2 2, 3 2, 3 3, 2 2)))");
    const auto polys = mixed.polygonal_part();
    CHECK(polys.type_name() == "MultiPolygon");
    CHECK(polys.num_geometries() == 2);
    CHECK(polys.area() == 1.0);
    const auto none = geometry::from_wkt("GEOMETRYCOLLECTION (POINT (1 1))").polygonal_part();
    CHECK(none.is_empty());
    CHECK(none.is_polygonal());
}

TEST_CASE("polygon() closes the ring", "[unit][geo]") {
    const std::vector<lonlat> ring{{0, 0}, {2, 0}, {2, 2}};
    const auto tri = geometry::polygon(ring);
    CHECK(tri.area() == 2.0);
    CHECK(tri.is_valid());
    const std::vector<lonlat> too_short{{0, 0}, {1, 1}};
    CHECK_THROWS_AS(geometry::polygon(too_short), invalid_geometry);
}

TEST_CASE("copies are deep and independent", "[unit][geo]") {
    auto a = geometry::from_wkt(unit_square);
    const geometry b = a;
    a = geometry::point({5, 5});
    CHECK(b.area() == 1.0);
    CHECK(a.type_name() == "Point");
    geometry c = std::move(a);
    CHECK(c.as_lonlat().lon == 5.0);
}

TEST_CASE("geometries work across threads", "[unit][geo]") {
    // Each thread has its own GEOS context; a geometry made on one thread may die on another.
    std::vector<geometry> made(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < made.size(); ++t)
        threads.emplace_back([&made, t] {
            for (int i = 0; i < 200; ++i) {
                const auto g = geometry::from_wkt(bow_tie).make_valid();
                made[t] = g.intersection(geometry::from_wkt(unit_square));
            }
        });
    for (auto &th : threads)
        th.join();
    for (const auto &g : made)
        CHECK(g.area() == Approx(0.5));
}

TEST_CASE("voronoi cells come back in seed order", "[unit][geo]") {
    const auto square = geometry::from_wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    const std::vector<lonlat> seeds{{7.5, 2.5}, {2.5, 2.5}, {2.5, 7.5}, {7.5, 7.5}};
    const auto cells = riskatlas::geo::voronoi_cells(seeds, square);
    REQUIRE(cells.size() == seeds.size());
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        CHECK(cells[i].contains(seeds[i]));
        CHECK(cells[i].area() == Approx(25.0));
        CHECK(cells[i].is_valid());
    }
    CHECK(riskatlas::geo::voronoi_cells(std::vector<lonlat>{{1, 1}}, square)[0] == square);
    CHECK(riskatlas::geo::voronoi_cells(std::vector<lonlat>{}, square).empty());
    CHECK_THROWS_AS(riskatlas::geo::voronoi_cells(std::vector<lonlat>{{1, 1}, {1, 1}}, square),
                    riskatlas::invalid_argument);
    CHECK_THROWS_AS(riskatlas::geo::voronoi_cells(seeds, square, 0.0), riskatlas::invalid_argument);
}

TEST_CASE("voronoi cells tile a concave clip and follow the scaled metric", "[unit][geo]") {
    const auto seed = GENERATE(1u, 2u, 3u, 4u, 5u, 6u);
    const auto n = GENERATE(2u, 5u, 12u);
    const double x_scale = GENERATE(1.0, 0.81);
    const auto clip = geometry::from_wkt(l_shape);
    const auto seeds = riskatlas::geo::random_points_in(clip, n, seed);
    const auto cells = riskatlas::geo::voronoi_cells(seeds, clip, x_scale);
    REQUIRE(cells.size() == n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        INFO("seed " << seed << " n " << n << " cell " << i);
        CHECK(cells[i].is_valid());
        CHECK(cells[i].is_polygonal());
        CHECK(cells[i].contains(seeds[i]));
        CHECK(cells[i].intersection(clip).area() == Approx(cells[i].area()).epsilon(1e-9));
        total += cells[i].area();
        for (std::size_t j = i + 1; j < n; ++j)
            CHECK(cells[i].intersection(cells[j]).area() < 1e-9);
    }
    CHECK(total == Approx(clip.area()).epsilon(1e-9));

    // Every sample point lies in the cell of its nearest seed under the scaled metric.
    const auto distance2 = [x_scale](lonlat a, lonlat b) {
        const double dx = (a.lon - b.lon) * x_scale;
        return dx * dx + (a.lat - b.lat) * (a.lat - b.lat);
    };
    for (const auto &p : riskatlas::geo::random_points_in(clip, 50, seed + 100)) {
        std::size_t nearest = 0;
        for (std::size_t i = 1; i < n; ++i)
            if (distance2(p, seeds[i]) < distance2(p, seeds[nearest]))
                nearest = i;
        CHECK(cells[nearest].covers(geometry::point(p)));
    }
}

TEST_CASE("random points are inside, deterministic and seed-dependent", "[unit][geo]") {
    const auto donut =
        geometry::from_wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2))");
    const auto a = riskatlas::geo::random_points_in(donut, 500, 42);
    const auto b = riskatlas::geo::random_points_in(donut, 500, 42);
    const auto c = riskatlas::geo::random_points_in(donut, 500, 43);
    REQUIRE(a.size() == 500);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(donut.contains(a[i]));
        CHECK(a[i].lon == b[i].lon);
        CHECK(a[i].lat == b[i].lat);
    }
    CHECK(a[0].lon != c[0].lon);
    CHECK(riskatlas::geo::random_points_in(donut, 0, 1).empty());
    CHECK_THROWS_AS(riskatlas::geo::random_points_in(geometry::point({1, 1}), 1, 1),
                    invalid_geometry);
    CHECK_THROWS_AS(riskatlas::geo::random_points_in(geometry(), 1, 1), invalid_geometry);
}

TEST_CASE("random points are the same on every platform", "[unit][geo]") {
    // Pinned output: the generator is integer arithmetic and an exact 53-bit conversion, so
    // these values must never change (the demo dataset depends on them).
    const auto square = geometry::from_wkt(unit_square);
    const auto p = riskatlas::geo::random_points_in(square, 2, 20261123);
    REQUIRE(p.size() == 2);
    CHECK(p[0].lon == 0x1.d969e82695f56p-1);
    CHECK(p[0].lat == 0x1.f73a20cfa83e1p-1);
    CHECK(p[1].lon == 0x1.58507b5a3b7c4p-3);
    CHECK(p[1].lat == 0x1.8a2155e9bdbefp-1);
}
