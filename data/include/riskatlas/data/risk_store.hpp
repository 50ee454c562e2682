// Reads of grading inputs and writes of risk results as layer versions (data/migrations/0003).
// A recompute calls these inside ONE read-write transaction (database::transact): every function
// takes the running `session`. Records are plain data; the `risk` module never sees SQL and this
// module never sees a grading rule.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <riskatlas/data/database.hpp>

namespace riskatlas::data {

/// Ids in scope for a query: all, or exactly these.
using id_scope = std::optional<std::vector<std::int64_t>>;

struct enterprise_fact_row {
    std::int64_t id = 0;
    std::string name;
    std::string supervision_category;
    std::optional<std::string> industry_code;
    std::optional<int> major_hazard_level;
    std::vector<std::string> hazardous_processes;
    std::optional<int> reaction_hazard_level;
    int workers = 0;
    int accidents_3y = 0;
    std::optional<int> standardisation_level;
    bool monitoring_connected = false;
    int open_general = 0, open_major = 0, overdue_general = 0, overdue_major = 0;
};

struct enterprise_grade_row {
    std::int64_t id = 0;
    std::string colour, score_colour; ///< red | orange | yellow | blue
    double score = 0;
    std::vector<std::string> hard_rules; ///< ids of the rules that fired
    std::string model_version;
    std::string inputs_json; ///< the facts graded (re-graded by /api/explain)
};

struct park_fact_row {
    std::int64_t id = 0; ///< regions.id
    bool recognised = false;
    std::optional<double> years_since_overall_assessment;
    bool risk_acceptable = false, control_line = false;
    std::optional<double> sensitive_target_distance_m;
    bool residents_inside = false, closed_management = false, hazmat_parking = false,
         fire_station = false, supervision_body = false, smart_platform = false,
         emergency_plan_drilled = false, emergency_rescue_team = false,
         emergency_materials = false;
    std::optional<double> years_since_major_accident;
    int red = 0, orange = 0, yellow = 0, blue = 0; ///< current grades of its enterprises
    std::optional<int> max_reaction_hazard_level;
    int open_major_hazards = 0, overdue_hazards = 0;
};

struct park_grade_row {
    std::int64_t id = 0;
    std::string grade, score_grade; ///< A | B | C | D
    double score = 0;
    std::vector<std::string> vetoes;
    int enterprises = 0;
    std::string model_version;
    std::string inputs_json;
};

struct zone_row {
    std::int64_t id = 0;
    double area_km2 = 0;
};

/// An enterprise inside a zone and its current grade (none if it was never graded; the grade's
/// copies of the enterprise's name, category and hazard level come with it).
struct zone_member_row {
    std::int64_t zone_id = 0;
    std::int64_t enterprise_id = 0;
    struct graded {
        std::string name, supervision_category, colour;
        std::optional<int> major_hazard_level;
    };
    std::optional<graded> grade;
};

/// Open hidden dangers in a zone for one supervision category (none: not tied to an enterprise).
struct zone_hazard_row {
    std::int64_t zone_id = 0;
    std::optional<std::string> supervision_category;
    int open = 0, open_major = 0, overdue = 0;
};

struct zone_facts {
    std::vector<zone_row> zones;
    std::vector<zone_member_row> members;
    std::vector<zone_hazard_row> hazards;
};

struct zone_grade_row {
    std::int64_t zone_id = 0;
    std::string category; ///< "all" or a supervision category
    std::string colour;
    double risk_index = 0;
    int enterprises = 0, red = 0, orange = 0, yellow = 0, blue = 0, open_hazards = 0;
    std::string model_version;
    std::string explanation_json;
};

/// A point in the density grid's projected metres.
struct density_cell_row {
    std::int64_t zone_id = 0;
    double x = 0, y = 0;
};

struct density_hazard_row {
    double x = 0, y = 0;
    std::string level, status;
    bool overdue = false;
};

struct density_grade_row {
    std::int64_t zone_id = 0;
    double density = 0;
    std::string colour;
    std::string model_version;
    std::string explanation_json;
};

/// Rows closed and written for one layer by one run.
struct write_counts {
    std::int64_t closed = 0;
    std::int64_t written = 0;
    std::int64_t changed() const noexcept { return closed + written; }
};

struct last_run {
    std::int64_t id = 0;
    std::string models_json; ///< {"model id": "version"}
    std::string day;         ///< YYYY-MM-DD (UTC) it started
};

struct dirty_summary {
    std::int64_t max_id = 0; ///< 0: nothing pending
    bool needs_full = false;
    bool zones_changed = false; ///< a region changed or a table was emptied: zones follow
};

struct run_record {
    std::int64_t id = 0;
    std::string kind, reason, models_json, changed_json, started_at, finished_at;
};

namespace risk_store {

/// Serialises recomputes (held to the end of the transaction).
void lock_runs(session& s);
std::optional<last_run> latest_run(session& s);
dirty_summary pending_changes(session& s);

/// Stores a model body under (id, version); throws data::rejected_data when that version was
/// stored before with a different body (edited without bumping the version).
void register_model(session& s, const std::string& id, const std::string& version,
                    const std::string& body_json);
/// A stored model body, or nullopt.
std::optional<std::string> model_body(session& s, const std::string& id, const std::string& version);

std::int64_t begin_run(session& s, const std::string& kind, const std::string& reason,
                       const std::string& models_json);
void finish_run(session& s, std::int64_t run, const std::map<std::string, std::int64_t>& changed,
                std::int64_t consumed_dirty_id);


/// What the changes up to dirty id `max_dirty` (and deadlines passed since `last_day`) touch.
std::vector<std::int64_t> affected_enterprises(session& s, std::int64_t max_dirty,
                                               const std::string& last_day);
std::vector<std::int64_t> affected_parks(session& s, std::int64_t max_dirty, std::int64_t run,
                                         const std::vector<std::int64_t>& enterprises);
/// `reach_deg`: how far (degrees) a change reaches, 0 for zones graded by what lies inside;
/// `hazards_only`: only changed hazards count (zones of a layer that ignores enterprises);
/// `enterprises`: those this run regraded (where its written and closed grades are).
std::vector<std::int64_t> affected_zones(session& s, std::int64_t max_dirty, std::int64_t run,
                                         const std::string& last_day, const std::string& zone_kind,
                                         double reach_deg, bool hazards_only,
                                         const std::vector<std::int64_t>& enterprises);

/// Brings the township zones and a grid ("grid" | "density", cell size in metres) in line with
/// the regions. Unchanged zones are not rewritten.
void sync_township_zones(session& s);
void sync_grid_zones(session& s, const std::string& grid, double cell_size_m);
/// ANALYZE of the zones and their members, after a sync or a placing of all rebuilt them.
void refresh_zone_statistics(session& s);
/// Places enterprises `ids` in the township and grid zones their positions lie in now (which
/// zone_facts_of reads), changing only memberships that differ. Answers the zones whose members
/// changed, by zone kind.
std::map<std::string, std::vector<std::int64_t>>
place_zone_members(session& s, const std::vector<std::int64_t>& ids);
/// Places every enterprise again: after the zones were rebuilt, a bulk change, a forced full run.
void place_all_zone_members(session& s);
/// The enterprises inserted, edited, moved or deleted up to dirty id `max_dirty`.
std::vector<std::int64_t> changed_enterprises(session& s, std::int64_t max_dirty);
/// Whether the grid's active cells are all of `cell_size_m` (regions unchanged, no sync needed).
bool grid_is_current(session& s, const std::string& grid, double cell_size_m);

std::vector<enterprise_fact_row> enterprise_facts(session& s, const id_scope& ids);
std::vector<park_fact_row> park_facts(session& s, const id_scope& ids);
/// `with_grades` false: members come without their stored grade (a full run grades every one).
zone_facts zone_facts_of(session& s, const std::string& zone_kind, const id_scope& ids,
                         bool with_grades = true);
std::vector<density_cell_row> density_cells(session& s, const id_scope& ids);
std::vector<density_hazard_row> density_hazards(session& s, const id_scope& cells,
                                                double reach_m);

write_counts write_enterprise_grades(session& s, std::int64_t run,
                                     const std::vector<enterprise_grade_row>& rows,
                                     const id_scope& scope);
write_counts write_park_grades(session& s, std::int64_t run,
                               const std::vector<park_grade_row>& rows, const id_scope& scope);
write_counts write_zone_grades(session& s, std::int64_t run, const std::string& zone_kind,
                               const std::vector<zone_grade_row>& rows, const id_scope& scope);
write_counts write_density(session& s, std::int64_t run,
                           const std::vector<density_grade_row>& rows, const id_scope& scope);

} // namespace risk_store

/// A stored grade as of the request's run (riskatlas.as_of_run), for explanations.
struct stored_grade {
    std::string grade; ///< colour or A-D
    double score = 0;
    std::string model_version;
    std::string inputs_json;
    std::int64_t run = 0;
};

/// Reads for serving: each in its own read-only transaction under `ctx` (whose settings may pin
/// riskatlas.as_of_run).
class risk_reader {
public:
    explicit risk_reader(database& db) : m_db(db) {}
    std::optional<stored_grade> enterprise_grade(const request_context& ctx, std::int64_t id);
    std::optional<stored_grade> park_grade(const request_context& ctx, std::int64_t id);
    /// Zone or density explanation JSON and its run; `layer_kind` is "zone" or "density".
    std::optional<std::pair<std::string, std::int64_t>>
    stored_explanation(const request_context& ctx, const std::string& layer_kind, std::int64_t fid);
    std::optional<std::string> model_body(const request_context& ctx, const std::string& id,
                                          const std::string& version);
    /// True when run `id` exists and has finished (its versions are final).
    bool run_finished(const request_context& ctx, std::int64_t id);
    /// Finished runs, newest first.
    std::vector<run_record> runs(const request_context& ctx, int limit);

private:
    database& m_db;
};

} // namespace riskatlas::data
