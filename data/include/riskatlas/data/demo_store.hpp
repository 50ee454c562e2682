// Plain records of the base content (regions, enterprises, hazards, railways) and the one
// transaction that replaces the stored content with a new set of them (the demo region loader).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <riskatlas/data/database.hpp>
#include <riskatlas/geo/geometry.hpp>

namespace riskatlas::data {

/// A row of `regions` (county, township, village or park); geometry in EPSG:4326.
struct region_record {
    std::string code; ///< 12-digit statistical code, or our own park code (^[0-9A-Z]{6,20}$)
    std::string name;
    std::string kind; ///< county | township | village | park
    std::optional<std::string> parent_code;
    std::optional<std::string> park_type; ///< chemical | industrial, parks only
    bool approximate = false;
    bool generated = false;
    std::optional<std::string> note; ///< how the record was derived, when not surveyed
    geo::geometry geom;
    friend bool operator==(const region_record &, const region_record &) = default;
};

/// A row of `enterprises`; optional fields are NULL when absent.
struct enterprise_record {
    std::string credit_code; ///< GB 32100, 18 characters with a valid check character
    std::string name;
    std::optional<std::string> industry_code; ///< GB/T 4754, e.g. "C2614"
    std::optional<std::string> industry_name;
    std::string supervision_category; ///< hazardous_chemicals | coal_mine | ... (see 0001_core)
    std::optional<std::string> township_code;
    std::optional<std::string> park_code;
    std::optional<std::string> address;
    std::optional<int> workers;
    std::optional<int> major_hazard_level; ///< 1 (most severe) .. 4
    std::vector<std::string> hazardous_processes;
    std::optional<int> reaction_hazard_level; ///< 1 .. 5
    std::optional<int> standardisation_level; ///< 1 .. 3
    bool monitoring_connected = false;
    int accidents_3y = 0;
    bool approximate = false;
    bool generated = false;
    std::optional<geo::geometry> geom; ///< Point; absent when the address is not geocoded
    friend bool operator==(const enterprise_record &, const enterprise_record &) = default;
};

/// A row of `hazards`; the enterprise is named by its credit code (the natural key).
struct hazard_record {
    std::string code;
    std::string channel; ///< self_report | inspection | public_tip
    std::string level;   ///< major | general
    std::optional<std::string> category;
    std::optional<std::string> enterprise_credit_code;
    std::optional<std::string> township_code;
    std::string description;
    std::string found_on; ///< ISO date, YYYY-MM-DD
    std::optional<std::string> deadline;
    std::string
        status; ///< reported | verified | rectifying | awaiting_acceptance | closed | rejected
    std::optional<std::string> closed_on;
    bool generated = false;
    std::optional<geo::geometry> geom; ///< Point
    friend bool operator==(const hazard_record &, const hazard_record &) = default;
};

/// A row of `park_profiles`: what a park has shown of its planning, facilities and management
/// (the park assessment's own items; risk/park.hpp). Absent optionals are NULL (never done).
struct park_profile_record {
    std::string park_code;
    bool recognised = false;
    std::optional<double> years_since_overall_assessment;
    bool risk_acceptable = false;
    bool control_line = false;
    std::optional<double> sensitive_target_distance_m;
    bool residents_inside = false;
    bool closed_management = false;
    bool hazmat_parking = false;
    bool fire_station = false;
    bool supervision_body = false;
    bool smart_platform = false;
    bool emergency_plan_drilled = false;
    bool emergency_rescue_team = false;
    bool emergency_materials = false;
    std::optional<double> years_since_major_accident;
    bool generated = false;
    friend bool operator==(const park_profile_record &, const park_profile_record &) = default;
};

/// A row of `railways`.
struct railway_record {
    std::optional<std::string> name;
    std::string source;
    geo::geometry geom; ///< LineString
    friend bool operator==(const railway_record &, const railway_record &) = default;
};

/// Everything the demo region consists of. Regions may come in any order (parents are resolved
/// within the statement).
struct demo_dataset {
    std::vector<region_record> regions;
    std::vector<enterprise_record> enterprises;
    std::vector<hazard_record> hazards;
    std::vector<railway_record> railways;
    std::vector<park_profile_record> park_profiles;
    friend bool operator==(const demo_dataset &, const demo_dataset &) = default;
};

/// Row counts of the base tables (regions split by kind).
struct content_counts {
    std::int64_t counties = 0;
    std::int64_t townships = 0;
    std::int64_t villages = 0;
    std::int64_t parks = 0;
    std::int64_t enterprises = 0;
    std::int64_t hazards = 0;
    std::int64_t railways = 0;
    friend bool operator==(const content_counts &, const content_counts &) = default;
};

/// Replaces all rows of regions, enterprises, hazards, railways and park profiles by `dataset`, in ONE
/// transaction: either everything is replaced or (on any error, e.g. a record the schema's
/// CHECKs refuse) nothing changes and a data:: error is thrown. Readers see the old content until
/// the commit. Returns the counts written.
content_counts replace_demo_content(database &db, const demo_dataset &dataset);

/// True when any region is stored (the demo, or real data, has been loaded).
bool has_region_data(database &db);

/// Current row counts, from one snapshot.
content_counts count_content(database &db);

} // namespace riskatlas::data
