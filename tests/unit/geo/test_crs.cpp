// PROJ through geo::crs_to_wgs84 and the CGCS2000 Gauss-Krüger zone table, checked against
// facts of the projection: a zone's central meridian maps to easting 500 km, and the equator to
// northing 0.
#include <catch2/catch.hpp>

#include <riskatlas/geo/crs.hpp>

#include <cmath>

using namespace riskatlas::geo;

TEST_CASE("Gauss-Krüger EPSG codes by zone and by central meridian", "[unit][geo]") {
    CHECK(gauss_kruger_epsg(3, true, 25) == 4513);
    CHECK(gauss_kruger_epsg(3, true, 39) == 4527);
    CHECK(gauss_kruger_epsg(3, true, 45) == 4533);
    CHECK(gauss_kruger_epsg(3, false, 75) == 4534);
    CHECK(gauss_kruger_epsg(3, false, 117) == 4548);
    CHECK(gauss_kruger_epsg(3, false, 135) == 4554);
    CHECK(gauss_kruger_epsg(6, true, 13) == 4491);
    CHECK(gauss_kruger_epsg(6, true, 20) == 4498);
    CHECK(gauss_kruger_epsg(6, false, 117) == 4509);
    CHECK_FALSE(gauss_kruger_epsg(3, true, 46));
    CHECK_FALSE(gauss_kruger_epsg(3, false, 118));
    CHECK_FALSE(gauss_kruger_epsg(6, false, 120));
    CHECK_FALSE(gauss_kruger_epsg(4, true, 20));
}

TEST_CASE("a zone prefix is read from the easting", "[unit][geo]") {
    CHECK(gauss_kruger_epsg_from_easting(39'481'234.5) == 4527);
    CHECK(gauss_kruger_epsg_from_easting(20'512'000.0) == 4498);
    CHECK_FALSE(gauss_kruger_epsg_from_easting(481'234.5));    // no prefix
    CHECK_FALSE(gauss_kruger_epsg_from_easting(39'050'000.0)); // offset impossible in a zone
    CHECK_FALSE(gauss_kruger_epsg_from_easting(50'500'000.0)); // no such zone
    CHECK_FALSE(gauss_kruger_epsg_from_easting(NAN));
}

TEST_CASE("PROJ transforms Gauss-Krüger to lon/lat in x = lon order", "[unit][geo]") {
    const crs_to_wgs84 zone39("EPSG:4527");
    CHECK_FALSE(zone39.source_is_geographic());
    CHECK_FALSE(zone39.is_identity());
    const auto meridian = zone39.apply(39'500'000, 0);
    REQUIRE(meridian);
    CHECK(std::abs(meridian->lon - 117.0) < 1e-9);
    CHECK(std::abs(meridian->lat) < 1e-9);
    const auto north = zone39.apply(39'500'000, 3'935'000);
    REQUIRE(north);
    CHECK(std::abs(north->lon - 117.0) < 1e-9);
    CHECK(north->lat > 35.4);
    CHECK(north->lat < 35.6);

    const crs_to_wgs84 cgcs("EPSG:4490"); // lat-first in the EPSG registry; we still get lon first
    CHECK(cgcs.source_is_geographic());
    CHECK(cgcs.is_identity());
    const auto p = cgcs.apply(116.8, 35.5);
    REQUIRE(p);
    CHECK(p->lon == 116.8);
    CHECK(p->lat == 35.5);
}

TEST_CASE("an unknown CRS is a named error", "[unit][geo]") {
    CHECK_THROWS_AS(crs_to_wgs84("EPSG:999999"), invalid_crs);
    CHECK_THROWS_AS(crs_to_wgs84("not a crs"), invalid_crs);
    try {
        crs_to_wgs84 bad("EPSG:999999");
    } catch (const invalid_crs &e) {
        CHECK(e.code() == "invalid_crs");
        CHECK(std::string(e.what()).find("EPSG:999999") != std::string::npos);
    }
}
