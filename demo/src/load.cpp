// Building the demo and writing it: the base content in one transaction, then the road network
// (routes, streams, bridges, derived risky segments and the works planned over them) in another.
#include <riskatlas/demo/demo.hpp>

#include <riskatlas/error.hpp>

#include <fstream>
#include <sstream>

namespace riskatlas::demo {
namespace {

data::road_derivation_settings road_settings(const yanzhou_params &params) {
    if (params.road_settings_file.empty())
        return {};
    std::ifstream in(params.road_settings_file);
    if (!in)
        throw invalid_argument("invalid_settings",
                               "cannot read road settings " + params.road_settings_file);
    std::ostringstream text;
    text << in.rdbuf();
    auto settings = data::parse_derivation_settings(text.str());
    return settings;
}

} // namespace

data::content_counts load(data::database &db, const std::filesystem::path &input_dir,
                          const yanzhou_params &params) {
    // Build completely before touching the database: a bad input never opens a transaction.
    const auto dataset = build_yanzhou(input_dir, params);
    const auto roads =
        params.roads ? build_yanzhou_roads(input_dir, dataset, params) : data::road_dataset{};
    const auto settings = road_settings(params);
    const auto counts = data::replace_demo_content(db, dataset);
    // The roads follow in their own transaction, because their derivation reads the villages
    // and railways just written. Road tables name regions by code only (no foreign key), so
    // either order of the two replacements is consistent; each is all-or-nothing.
    if (params.roads)
        data::replace_road_content(db, roads, settings, [&](const auto &segments) {
            return plan_yanzhou_works(segments, roads, params);
        });
    return counts;
}

data::content_counts load(data::database &db, const std::filesystem::path &input_dir,
                          std::uint64_t seed) {
    yanzhou_params params;
    params.seed = seed;
    return load(db, input_dir, params);
}

} // namespace riskatlas::demo
