// The OGC bbox parameter parser.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/geo/bbox.hpp>

using riskatlas::geo::parse_lonlat_bbox;

TEST_CASE("valid bboxes parse", "[unit][geo]") {
    const auto b = parse_lonlat_bbox("116.5,35.4,116.95,35.72");
    CHECK(b.min_x == 116.5);
    CHECK(b.max_y == 35.72);
    // GDAL sends full double precision
    const auto g = parse_lonlat_bbox("116.55000000000001,35.450000000000003,116.90000000000001,35.700000000000003");
    CHECK(g.min_x == Approx(116.55));
    // 3D boxes drop the heights
    const auto d = parse_lonlat_bbox("1,2,-10,3,4,100");
    CHECK(d == riskatlas::geo::bbox{1, 2, 3, 4});
}

TEST_CASE("malformed bboxes are rejected with a reason", "[unit][geo]") {
    for (const char* bad : {"", "1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,3,4;DROP TABLE regions",
                            "200,0,210,1", "0,-91,1,0", "3,0,1,1", "0,3,1,1", "nan,0,1,1",
                            "1e400,0,1,1", " 1,2,3,4", "1,,3,4"}) {
        INFO(bad);
        CHECK_THROWS_AS(parse_lonlat_bbox(bad), riskatlas::invalid_argument);
    }
}
