// The built-in layer registry and the validation of declarations.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/tiles/compression.hpp>
#include <riskatlas/tiles/registry.hpp>

#include <nlohmann/json.hpp>

using namespace riskatlas::tiles;

TEST_CASE("built-in registry declares the skeleton's layers", "[unit][tiles]") {
    const auto reg = registry::builtin();
    for (const char* id : {"regions", "enterprises", "hazards", "parks", "villages", "railways"}) {
        INFO(id);
        const auto* l = reg.find(id);
        REQUIRE(l);
        CHECK_FALSE(l->title.zh.empty());
        CHECK_FALSE(l->title.en.empty());
        CHECK_FALSE(l->properties.empty());
        CHECK(l->minzoom <= l->maxzoom);
    }
    CHECK_THROWS_AS(reg.at("nope"), riskatlas::not_found);
    const auto sources = reg.sources();
    CHECK(sources.size() == reg.layers().size());
}

TEST_CASE("bad declarations are refused", "[unit][tiles]") {
    const auto good = nlohmann::json::parse(R"({
        "id": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""},
        "source": "layer_x", "reads": ["x"], "geometry_type": "Point", "minzoom": 0, "maxzoom": 10,
        "properties": [{"name": "a", "type": "string", "title": {"zh": "a", "en": "a"}}]})");
    CHECK_NOTHROW(registry::from_json({good}));
    CHECK_THROWS_AS(registry::from_json({good, good}), riskatlas::error);
    auto bad_zoom = good;
    bad_zoom["maxzoom"] = 30;
    CHECK_THROWS_AS(registry::from_json({bad_zoom}), riskatlas::error);
    auto bad_type = good;
    bad_type["properties"][0]["type"] = "date";
    CHECK_THROWS_AS(registry::from_json({bad_type}), riskatlas::error);
    auto missing = good;
    missing.erase("source");
    CHECK_THROWS_AS(registry::from_json({missing}), riskatlas::error);
}

TEST_CASE("zoom bands: clusters for points, simplification for shapes, ascending to maxzoom",
          "[unit][tiles]") {
    const auto point = nlohmann::json::parse(R"({
        "id": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""},
        "source": "layer_x", "reads": ["x"], "geometry_type": "Point", "minzoom": 4, "maxzoom": 16,
        "properties": [],
        "zoom_bands": [{"maxzoom": 9, "cluster_px": 32}, {"maxzoom": 16}]})");
    const auto r = registry::from_json({point});
    const auto& l = r.at("x");
    REQUIRE(l.zoom_bands.size() == 2);
    CHECK(l.clustered_at(4));
    CHECK(l.clustered_at(9));
    CHECK_FALSE(l.clustered_at(10));
    CHECK_FALSE(l.clustered_at(16));
    CHECK(r.sources().at(0).bands.size() == 2); // the data module renders one statement per band

    const auto refused = [&](auto edit) {
        auto j = point;
        edit(j);
        CHECK_THROWS_AS(registry::from_json({j}), riskatlas::error);
    };
    refused([](auto& j) { j["zoom_bands"][1]["maxzoom"] = 15; });        // does not reach maxzoom
    refused([](auto& j) { j["zoom_bands"][0]["maxzoom"] = 3; });         // below minzoom
    refused([](auto& j) { j["zoom_bands"][1]["maxzoom"] = 9; });         // not ascending
    refused([](auto& j) { j["zoom_bands"][0]["cluster_px"] = 1000; });   // out of range
    refused([](auto& j) { j["zoom_bands"][0]["simplify_px"] = 1; });     // points are not simplified
    refused([](auto& j) { j["zoom_bands"][0]["clusterpx"] = 8; });       // unknown field
    refused([](auto& j) { j["geometry_type"] = "Polygon"; });            // polygons are not clustered
    auto shape = point;
    shape["geometry_type"] = "Polygon";
    shape["zoom_bands"] = nlohmann::json::parse(R"([{"maxzoom": 16, "simplify_px": 0.5}])");
    CHECK_NOTHROW(registry::from_json({shape}));
    shape["zoom_bands"][0]["simplify_px"] = -1;
    CHECK_THROWS_AS(registry::from_json({shape}), riskatlas::error);
}

TEST_CASE("gzip round trip", "[unit][tiles]") {
    std::string data;
    for (int i = 0; i < 10000; ++i)
        data += static_cast<char>(i % 251);
    const auto packed = gzip(data);
    CHECK(packed.size() < data.size());
    CHECK(static_cast<unsigned char>(packed[0]) == 0x1f); // gzip magic
    CHECK(gunzip(packed) == data);
    CHECK_THROWS_AS(gunzip("not gzip at all"), riskatlas::error);
    CHECK_THROWS_AS(gunzip(packed.substr(0, packed.size() / 2)), riskatlas::error);
}
