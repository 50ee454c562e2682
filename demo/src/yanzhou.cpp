// The Yanzhou demo: default parameters and the three generator stages (regions, enterprises,
// hazards) over the real inputs. Each stage draws from its own seeded stream.
#include <riskatlas/demo/yanzhou.hpp>

#include <algorithm>
#include <array>

#include "enterprises.hpp"
#include "hazards.hpp"
#include "inputs.hpp"
#include "regions.hpp"
#include "road_network.hpp"

namespace riskatlas::demo {

namespace {

// Invented profiles chosen to show the assessment's range on the map: a well-run chemical park,
// a development zone with gaps in shared facilities, and a small township park with many (the
// 2023 导则 grades on what a park shows; see risk/models/park-a-d.json).
data::park_profile_record chemical_park_profile() {
    data::park_profile_record p;
    p.recognised = true;
    p.years_since_overall_assessment = 2;
    p.risk_acceptable = p.control_line = true;
    p.sensitive_target_distance_m = 1200;
    p.closed_management = p.hazmat_parking = p.fire_station = p.supervision_body = true;
    p.emergency_plan_drilled = p.emergency_rescue_team = p.emergency_materials = true;
    return p;
}

data::park_profile_record development_zone_profile() {
    data::park_profile_record p;
    p.recognised = true;
    p.years_since_overall_assessment = 4;
    p.risk_acceptable = p.control_line = true;
    p.sensitive_target_distance_m = 700;
    p.fire_station = p.supervision_body = true;
    p.emergency_plan_drilled = p.emergency_materials = true;
    return p;
}

data::park_profile_record township_park_profile() {
    data::park_profile_record p;
    p.recognised = true;
    p.years_since_overall_assessment = 6;
    p.risk_acceptable = true;
    p.sensitive_target_distance_m = 450;
    p.supervision_body = true;
    p.emergency_materials = true;
    return p;
}

} // namespace

std::vector<park_spec> default_parks() {
    // Positions are chosen inside the township cells of the seats (新兖镇 south-west of the
    // town, 大安镇 north of it, 颜店镇 to the west); sizes ~6-10 km². Invented, not planned
    // boundaries.
    return {
        {"P370812001", "兖州化工产业园", "chemical", {116.750, 35.480}, 3.6, 2.9, 15,
         chemical_park_profile()},
        {"P370812002", "兖州经济开发区", "industrial", {116.820, 35.622}, 3.2, 2.6, 0,
         development_zone_profile()},
        {"P370812003", "颜店镇工业园", "industrial", {116.668, 35.552}, 2.4, 1.8, -10,
         township_park_profile()},
    };
}

std::vector<named_enterprise_spec> default_named() {
    // Named in the district plan (issue 4); industries and processes are our plausible reading,
    // townships of 古城 and 大统 are guesses (see demo/data/yanzhou/SOURCES.md).
    const std::string chem_park = "P370812001";
    return {
        {"山东兖矿国际焦化有限公司",
         "hazardous_chemicals",
         "C2521",
         "炼焦",
         chem_park,
         {"新型煤化工工艺"}},
        {"山东华胜能源有限公司",
         "hazardous_chemicals",
         "C2614",
         "有机化学原料制造",
         chem_park,
         {"加氢工艺"}},
        {"济宁市兖州区银泉精细化工有限公司",
         "hazardous_chemicals",
         "C2669",
         "其他专用化学产品制造",
         chem_park,
         {"磺化工艺"}},
        {"山东百盛生物科技有限公司",
         "hazardous_chemicals",
         "C2661",
         "化学试剂和助剂制造",
         chem_park,
         {"氧化工艺"}},
        {"凯米拉化学品（兖州）有限公司",
         "hazardous_chemicals",
         "C2666",
         "环境污染处理专用药剂材料制造",
         chem_park,
         {"聚合工艺"}},
        {"凯米拉天成万丰化学品（兖州）有限公司",
         "hazardous_chemicals",
         "C2666",
         "环境污染处理专用药剂材料制造",
         chem_park,
         {"聚合工艺"}},
        {"兴隆庄煤矿", "coal_mine", "B0610", "烟煤和无烟煤开采洗选", "370812110000", {}},
        {"古城煤矿", "coal_mine", "B0610", "烟煤和无烟煤开采洗选", "370812107000", {}},
        {"新驿煤矿", "coal_mine", "B0610", "烟煤和无烟煤开采洗选", "370812102000", {}},
        {"大统矿业", "coal_mine", "B0610", "烟煤和无烟煤开采洗选", "370812111000", {}},
        {"兖州油库", "oil_depot", "G5941", "油气仓储", "370812105000", {}},
    };
}

yanzhou_params::yanzhou_params()
    : parks(default_parks()),
      named(default_named()), generated_enterprises{{"industry_trade", 140},
                                                    {"construction", 50},
                                                    {"hazardous_chemicals", 40},
                                                    {"transport", 30},
                                                    {"gas", 20},
                                                    {"non_coal_mine", 10},
                                                    {"fireworks", 6}},
      channel_shares{{"self_report", 0.65}, {"inspection", 0.28}, {"public_tip", 0.07}} {}

yanzhou_params scaled_params(int enterprises, int hazards, int parks) {
    yanzhou_params p;
    if (enterprises > 0) {
        int generated = 0;
        for (const auto &[category, n] : p.generated_enterprises)
            generated += n;
        const double factor = static_cast<double>(enterprises - static_cast<int>(p.named.size())) /
                              std::max(1, generated);
        for (auto &[category, n] : p.generated_enterprises)
            n = std::max(1, static_cast<int>(n * factor + 0.5));
    }
    if (hazards > 0)
        p.hazards = hazards;
    // Extra parks sit just off the real township seats (WGS84, demo/data/yanzhou), which lie well
    // inside the district, so every one of them is inside a township.
    static constexpr std::array<std::array<double, 2>, 8> seats{{{116.8251, 35.5597},
                                                                 {116.8144, 35.6366},
                                                                 {116.6783, 35.6465},
                                                                 {116.6465, 35.5643},
                                                                 {116.7990, 35.5236},
                                                                 {116.7809, 35.6653},
                                                                 {116.8402, 35.5190},
                                                                 {116.6760, 35.6973}}};
    static constexpr std::array<std::array<double, 2>, 3> offsets{
        {{0.015, 0.008}, {-0.015, -0.008}, {0.0, 0.018}}};
    const std::array<data::park_profile_record, 3> profiles{
        chemical_park_profile(), development_zone_profile(), township_park_profile()};
    for (int k = 0; static_cast<int>(p.parks.size()) < parks &&
                    k < static_cast<int>(seats.size() * offsets.size());
         ++k) {
        const auto i = static_cast<std::size_t>(k);
        const auto &seat = seats[i % seats.size()];
        const auto &offset = offsets[i / seats.size()];
        p.parks.push_back({"P370812" + std::to_string(101 + k), "生成园区" + std::to_string(k + 1),
                           k % 2 == 0 ? "chemical" : "industrial",
                           {seat[0] + offset[0], seat[1] + offset[1]}, 1.2, 1.0, 0,
                           profiles[i % profiles.size()]});
    }
    return p;
}

data::demo_dataset build_yanzhou(const std::filesystem::path &input_dir,
                                 const yanzhou_params &params) {
    const auto inputs = detail::read_inputs(input_dir);
    detail::region_layout layout;
    data::demo_dataset out;
    out.regions = detail::build_regions(inputs, params, layout);
    out.enterprises = detail::build_enterprises(layout, params);
    out.hazards = detail::build_hazards(out.enterprises, layout, params);
    for (const auto &spec : params.parks) {
        auto profile = spec.profile;
        profile.park_code = spec.code;
        profile.generated = true;
        out.park_profiles.push_back(std::move(profile));
    }
    for (const auto &line : inputs.railways)
        out.railways.push_back({std::nullopt, "gmt-china CN-Railways.dat (national scale)", line});
    return out;
}

data::demo_dataset build_yanzhou(const std::filesystem::path &input_dir, std::uint64_t seed) {
    yanzhou_params params;
    params.seed = seed;
    return build_yanzhou(input_dir, params);
}

data::road_dataset build_yanzhou_roads(const std::filesystem::path &input_dir,
                                       const data::demo_dataset &base,
                                       const yanzhou_params &params) {
    const auto inputs = detail::read_inputs(input_dir);
    const auto centre = inputs.county.centroid().as_lonlat();
    const detail::local_frame frame(centre);
    std::vector<detail::line_xy> piece_lines, stream_lines;
    auto roads = detail::build_road_routes(inputs, base, params, frame, piece_lines, stream_lines);
    detail::add_bridges(roads, piece_lines, stream_lines, params, frame);
    return roads;
}

std::vector<data::safety_works_record>
plan_yanzhou_works(const std::vector<data::risk_segment_record> &segments,
                   const data::road_dataset &roads, const yanzhou_params &params) {
    return detail::plan_works(segments, roads.pieces, params);
}

} // namespace riskatlas::demo
