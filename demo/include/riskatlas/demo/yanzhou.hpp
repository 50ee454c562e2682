// The Yanzhou District (兖州区, Jining, Shandong) demo region: real boundary, township seats,
// villages and railway from the files in demo/data/yanzhou, plus seeded, plausible parks,
// enterprises and hazards. Every derived or generated record is marked so in the data.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/roads_store.hpp>
#include <riskatlas/geo/gcj02.hpp>

namespace riskatlas::demo {

inline constexpr std::uint64_t default_seed = 20261123;
/// The demo's "today": statuses and overdue deadlines are relative to it, never to the clock.
inline constexpr const char *default_reference_date = "2026-11-23";
inline constexpr const char *county_code = "370812000000";

/// A generated park: a rectangle of the given size around `centre`, rotated anticlockwise.
struct park_spec {
    std::string code; ///< our own scheme, e.g. "P370812001" (statistical codes have no parks)
    std::string name;
    std::string park_type; ///< chemical | industrial
    geo::lonlat centre;
    double width_km = 3;
    double height_km = 3;
    double rotation_deg = 0;
    /// What the park shows of the assessment's own items (its code is filled from `code`).
    data::park_profile_record profile;
};

/// An enterprise named in the district plan. Its position is approximate (a seeded point inside
/// `place`) and its attributes other than name, category and industry are generated.
struct named_enterprise_spec {
    std::string name;
    std::string supervision_category;
    std::string industry_code;
    std::string industry_name;
    std::string place; ///< a park code or a township code
    std::vector<std::string> hazardous_processes;
};

/// Every count, share and rule of the generator in one place, so later work (the risk engine)
/// can tune them. Shares are fractions of the whole.
struct yanzhou_params {
    std::uint64_t seed = default_seed;
    std::string reference_date = default_reference_date;

    std::vector<park_spec> parks;                     ///< defaults: see default_parks()
    std::vector<named_enterprise_spec> named;         ///< defaults: see default_named()
    std::map<std::string, int> generated_enterprises; ///< per supervision category
    int unlocated_enterprises = 3; ///< extra enterprises whose address is not geocoded
    double industry_trade_in_parks =
        0.35; ///< share of industry/trade firms inside an industrial park
    double chemicals_in_chemical_park =
        0.6; ///< share of hazardous-chemical firms in the chemical park

    int hazards = 800;
    double major_hazard_share = 0.05;
    std::map<std::string, double> channel_shares; ///< self_report / inspection / public_tip
    double closed_share = 0.72;
    double overdue_share = 0.07;
    double rejected_share = 0.03; ///< the rest is open and within its deadline
    int history_days = 690;       ///< hazards were found within this many days before the date
    double hazard_jitter_m = 45;  ///< hazards sit this close (at most) to their enterprise

    bool roads = true;            ///< generate and load the rural road network (issue 7)
    int village_roads = 180;      ///< village roads (C) between neighbouring villages, at most
    int streams = 6;              ///< generated streams (the district has no public water layer)
    double works_share = 0.55;    ///< share of derived risky segments given safety works
    /// roads/settings/derivation.json; empty: data::road_derivation_settings' defaults.
    std::string road_settings_file;

    yanzhou_params();
};

std::vector<park_spec> default_parks();

/// The demo at another size, for benchmarks: about `enterprises` enterprises (the default
/// category mix, scaled), `hazards` hazards and `parks` parks (the default three plus generated
/// ones around the township seats). 0 keeps the default for that count.
yanzhou_params scaled_params(int enterprises, int hazards, int parks);
std::vector<named_enterprise_spec> default_named();

/// Builds the demo dataset from the input files (see demo/data/yanzhou/SOURCES.md). Pure apart
/// from reading the files: the same inputs and parameters give an identical dataset. Throws
/// io::read_error / geo::invalid_geometry / riskatlas::invalid_argument on bad inputs.
data::demo_dataset build_yanzhou(const std::filesystem::path &input_dir,
                                 const yanzhou_params &params);
data::demo_dataset build_yanzhou(const std::filesystem::path &input_dir,
                                 std::uint64_t seed = default_seed);

/// The generated rural road network over `base` (the dataset build_yanzhou made from the same
/// inputs and parameters): routes, pieces, streams, bridges and inspections. Pure like
/// build_yanzhou. Risky segments are derived by the database; works are planned over them by
/// plan_yanzhou_works.
data::road_dataset build_yanzhou_roads(const std::filesystem::path &input_dir,
                                       const data::demo_dataset &base,
                                       const yanzhou_params &params);

/// Safety works over a share of `segments` (exact, partial, overlapping, adjacent) plus a few
/// elsewhere on `roads`' pieces, with mixed statuses.
std::vector<data::safety_works_record>
plan_yanzhou_works(const std::vector<data::risk_segment_record> &segments,
                   const data::road_dataset &roads, const yanzhou_params &params);

} // namespace riskatlas::demo
