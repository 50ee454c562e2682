// Rural roads in PostGIS (data/migrations/0005_rural_roads.sql): plain records of routes, pieces,
// waterways, bridges, inspections, risky segments and safety works; replacing them in one
// transaction; the set-based derivation of risky segments from other layers; and the bridge
// queries the danger-bridge tracker needs.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <riskatlas/data/database.hpp>
#include <riskatlas/geo/geometry.hpp>

namespace riskatlas::data {

/// A row of `road_routes`. route_code is canonical (roads::parse_route_code(...).text).
struct road_route_record {
    std::string route_code;
    std::optional<std::string> name;
    std::string admin_level; ///< G | S | X | Y | C | Z, the code's first letter
    std::optional<std::string> area_code; ///< 6 digits, the code's tail when present
    std::optional<std::string> township_code;
    bool generated = false;
    std::optional<std::string> note;
    friend bool operator==(const road_route_record &, const road_route_record &) = default;
};

/// A row of `road_pieces`: one continuous line of a route with its stake range.
struct road_piece_record {
    std::string route_code;
    int piece = 1;
    double from_m = 0;
    double to_m = 0;
    geo::geometry geom; ///< LineString, EPSG:4326, in stake order
    friend bool operator==(const road_piece_record &, const road_piece_record &) = default;
};

/// A row of `waterways`.
struct waterway_record {
    std::optional<std::string> name;
    std::string kind; ///< river | stream | canal | reservoir
    bool generated = false;
    std::optional<std::string> note;
    geo::geometry geom;
    friend bool operator==(const waterway_record &, const waterway_record &) = default;
};

/// A row of `bridges`; dates are ISO text (YYYY-MM-DD).
struct bridge_record {
    std::string code; ///< route code + "L" + sequence, e.g. X001370812L0010
    std::optional<std::string> name;
    std::string route_code;
    double centre_m = 0;
    double length_m = 0;
    std::optional<double> max_span_m;
    std::optional<std::string> structure_type; ///< slab | beam | arch | truss | rigid_frame | ...
    std::optional<int> built_year;
    int condition_class = 1; ///< 1..5 (JTG/T H21-2011)
    std::string rated_at;
    std::optional<double> dr_score;
    std::string interim_measure = "none"; ///< none | load_limit | speed_limit | closed | detour
    std::optional<std::string> treatment; ///< repair | reconstruct | demolish | load_restrict
    std::optional<std::string> treatment_deadline;
    std::optional<std::string> treated_at;
    std::string status = "in_service";
    bool generated = false;
    std::optional<std::string> note;
    std::optional<geo::geometry> geom; ///< Point; absent: located from the stake
    friend bool operator==(const bridge_record &, const bridge_record &) = default;
};

/// A row of `bridge_inspections`.
struct bridge_inspection_record {
    std::string bridge_code;
    std::string inspected_at;
    std::string kind = "periodic"; ///< routine | periodic | special
    int condition_class = 1;
    std::optional<double> dr_score;
    std::optional<std::string> note;
    friend bool operator==(const bridge_inspection_record &,
                           const bridge_inspection_record &) = default;
};

/// A row of `road_risk_segments` (its geometry comes from the route).
struct risk_segment_record {
    std::string route_code;
    std::string type; ///< LSLY | JWDP | LXCXP | PJLK | CCGZ | SJBL | SGDF | QLTX
    double from_m = 0;
    double to_m = 0;
    std::optional<std::string> township_code;
    std::string source = "imported"; ///< imported | derived
    std::optional<std::string> rule; ///< how a derived segment was derived
    std::optional<std::string> description;
    std::string identified_at;
    std::optional<int> baseline_year;
    bool generated = false;
    friend bool operator==(const risk_segment_record &, const risk_segment_record &) = default;
};

/// A row of `safety_works` (its geometry comes from the route).
struct safety_works_record {
    std::string code;
    std::string route_code;
    std::string kind; ///< guardrail | signs | markings | speed_bumps | lighting | other
    double from_m = 0;
    double to_m = 0;
    std::string status; ///< planned | in_works | completed | accepted
    std::optional<std::string> started_on;
    std::optional<std::string> completed_on;
    std::optional<std::string> accepted_on;
    bool generated = false;
    std::optional<std::string> note;
    friend bool operator==(const safety_works_record &, const safety_works_record &) = default;
};

/// The whole stored road content. Segments here are the imported ones; derived ones come from
/// derive_risk_segments.
struct road_dataset {
    std::vector<road_route_record> routes;
    std::vector<road_piece_record> pieces;
    std::vector<waterway_record> waterways;
    std::vector<bridge_record> bridges;
    std::vector<bridge_inspection_record> inspections;
    std::vector<risk_segment_record> segments;
    std::vector<safety_works_record> works;
};

/// The distances of the derivation (roads/settings/derivation.json; the defaults match it).
struct road_derivation_settings {
    double village_buffer_m = 200;       ///< CCGZ: road within this of a village point
    double water_buffer_m = 50;          ///< LSLY: road within this of a waterway
    double crossing_half_length_m = 50;  ///< PJLK: this far either side of a rail crossing
    std::string identified_at = "2026-01-01"; ///< for newly derived rows
    std::optional<int> baseline_year;
};

/// Parses the settings JSON (keys as in roads/settings/derivation.json; "note" keys ignored).
/// Throws riskatlas::invalid_argument on a missing or non-positive distance.
road_derivation_settings parse_derivation_settings(std::string_view json_text);

struct derivation_result {
    std::int64_t derived = 0; ///< rows the inputs give
    std::int64_t added = 0;   ///< of which not stored before
    std::int64_t removed = 0; ///< stored derived rows the inputs no longer give
    friend bool operator==(const derivation_result &, const derivation_result &) = default;
};

struct road_counts {
    std::int64_t routes = 0, pieces = 0, waterways = 0, bridges = 0, danger_bridges = 0,
                 inspections = 0, segments = 0, derived_segments = 0, works = 0;
    double route_km = 0;
};

/// A danger bridge (危桥) now, with the township whose area holds it.
struct danger_bridge_row {
    std::string code;
    std::string route_code;
    double centre_m = 0;
    int condition_class = 4;
    std::string rated_at;
    std::string interim_measure;
    std::optional<std::string> treatment_deadline;
    bool overdue = false; ///< deadline before the date asked about
    std::optional<std::string> township_code;
};

/// A risky segment as coverage reads it, with display names.
struct coverage_segment_row {
    std::int64_t id = 0;
    std::string route_code, route_name, township_code, township_name, type;
    double from_m = 0, to_m = 0;
};

/// A works record as coverage reads it.
struct coverage_works_row {
    std::string code, route_code;
    double from_m = 0, to_m = 0;
    std::string status;
};

struct coverage_inputs {
    std::vector<coverage_segment_row> segments;
    std::vector<coverage_works_row> works;
};

/// A bridge the danger-bridge tracker counts (roads_bridge_tracker.sql).
struct tracked_bridge_row {
    std::string code, name, route_code, stake;
    int condition_class = 4;
    std::string rated_at, interim_measure, treatment, treatment_deadline, treated_at;
    bool danger = false, overdue = false, stock = false, cleared = false, newly_found = false;
    std::string township_code, township_name;
};

/// Chooses the works to write once the derived segments exist (the demo plans works over them).
using works_planner =
    std::function<std::vector<safety_works_record>(const std::vector<risk_segment_record> &)>;

// Inside a running transaction ----------------------------------------------------------------

/// Deletes every road row (works, segments, bridges and inspections, routes and pieces,
/// waterways).
void delete_road_content(session &s);
/// Inserts the records of `dataset` (works last). Throws data::rejected_data naming the
/// violated constraint (e.g. road_pieces_no_overlap, bridges_stake_on_route).
void insert_road_content(session &s, const road_dataset &dataset);
void insert_safety_works(session &s, const std::vector<safety_works_record> &works);
derivation_result derive_risk_segments(session &s, const road_derivation_settings &settings);
std::vector<risk_segment_record> risk_segments(session &s);

// Each in its own transaction -----------------------------------------------------------------

/// Replaces all road content by `dataset`, derives the risky segments and, if `plan` is given,
/// inserts the works it returns for them: all in ONE transaction (nothing changes on error).
road_counts replace_road_content(database &db, const road_dataset &dataset,
                                 const road_derivation_settings &settings,
                                 const works_planner &plan = {});
derivation_result derive_risk_segments(database &db, const road_derivation_settings &settings);
/// Inserts a batch of works, all or none.
void insert_safety_works(database &db, const std::vector<safety_works_record> &works);
std::vector<risk_segment_record> risk_segments(database &db);
road_counts count_roads(database &db);
struct bridge_tracker_inputs {
    std::vector<tracked_bridge_row> bridges;
    std::vector<std::pair<std::string, std::string>> townships; ///< (code, name), all of them
};

/// The tracker's bridges judged on `as_of`, cleared since `year_start`, found since `since`,
/// and every township, in one snapshot.
bridge_tracker_inputs read_bridge_tracker(database &db, const request_context &ctx,
                                          const std::string &as_of, const std::string &year_start,
                                          const std::optional<std::string> &since);
/// A drawn line placed on a route: the stakes its ends project to and the larger distance of an
/// end from the route.
struct snapped_range {
    std::string route_code;
    double from_m = 0, to_m = 0, off_m = 0;
};

/// The route nearest to both ends of `geojson_line` (WGS84) within `max_off_m` of each; nullopt
/// when no route passes that close to both. Throws rejected_data for geometry PostGIS cannot read.
std::optional<snapped_range> snap_line(database &db, const std::string &geojson_line,
                                       double max_off_m);

/// One group of the stored coverage (`key` "*" is the overall row).
struct coverage_total_row {
    std::string key, name;
    double identified_m = 0, treated_m = 0;
};

struct stored_coverage {
    std::vector<coverage_total_row> groups; ///< by key, without the overall row
    coverage_total_row overall;
    std::int64_t segments = 0, gaps = 0;
};

/// The coverage the triggers keep (0008_road_coverage.sql), grouped by "township", "route" or
/// "type", in one snapshot.
stored_coverage read_stored_coverage(database &db, const request_context &ctx,
                                     const std::string &by);

/// One bridge as its detail page shows it: the stored record (without geometry), what the map's
/// bridges layer says of it, where it is, and its inspections oldest first.
struct bridge_detail {
    bridge_record bridge;
    std::int64_t fid = 0; ///< its feature id in the bridges layer
    std::optional<std::string> route_name;
    std::string stake;
    bool danger = false, missing_interim_measure = false;
    std::string state; ///< overdue | danger | treated | normal, as the bridges layer colours it
    std::optional<std::string> township_code, township_name;
    double lon = 0, lat = 0; ///< WGS84
    std::vector<bridge_inspection_record> inspections;
};

/// The bridge with this code and its inspection history in one snapshot; nullopt when there is
/// no such bridge.
std::optional<bridge_detail> read_bridge_detail(database &db, const request_context &ctx,
                                                const std::string &code);

/// Segments and works in one snapshot.
coverage_inputs read_coverage_inputs(database &db, const request_context &ctx);
/// Danger bridges in code order; `as_of` (ISO date) judges "overdue".
std::vector<danger_bridge_row> danger_bridges(database &db, const std::string &as_of);
/// Records a finished treatment (outcome treated | demolished) on `date`; throws
/// riskatlas::not_found for an unknown code.
void record_bridge_treatment(database &db, const std::string &code, const std::string &date,
                             const std::string &outcome = "treated");

} // namespace riskatlas::data
