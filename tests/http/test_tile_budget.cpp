// The byte budget: every tile of every layer over the demo district, z0 to z12, stays under
// 500 KB compressed (issue 8). Prints the largest, so a growing layer is seen before it fails.
#include <catch2/catch.hpp>

#include "http_client.hpp"

#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/geo/tile.hpp>

#include <string>

using namespace riskatlas;
using test::http_get;

TEST_CASE("no tile of the demo pyramid (z0-z12) exceeds 500 KB compressed", "[http][tiles]") {
    constexpr std::size_t budget = 500 * 1024;
    const auto bounds = http_get("/tiles/regions.json").json()["bounds"];
    const geo::bbox district{bounds[0].get<double>(), bounds[1].get<double>(),
                             bounds[2].get<double>(), bounds[3].get<double>()};
    const auto layers = http_get("/api/layers").json()["layers"];
    REQUIRE(layers.size() >= 10);
    std::size_t largest = 0, tiles = 0;
    std::string largest_at;
    for (const auto& layer : layers) {
        const auto id = layer["id"].get<std::string>();
        for (int z = 0; z <= 12; ++z)
            for (const auto& t : geo::tiles_covering(district, z)) {
                const auto path = "/tiles/" + id + "/" + std::to_string(t.z) + "/" +
                                  std::to_string(t.x) + "/" + std::to_string(t.y) + ".mvt";
                const auto r = http_get(path, {{"Accept-Encoding", "gzip"}});
                INFO(path);
                REQUIRE((r.status == 200 || r.status == 204));
                ++tiles;
                CHECK(r.body.size() <= budget);
                if (r.body.size() > largest) {
                    largest = r.body.size();
                    largest_at = path;
                }
            }
    }
    WARN("tile budget: " << tiles << " tiles walked; the largest is " << largest_at << " at "
                         << largest << " bytes gzipped (budget " << budget << ")");
    CHECK(largest > 0);
}
