// One recompute: enterprises first (parks and zones read their grades), then parks, township and
// grid zones, hazard density. Each stage reads its inputs for its scope, grades in C++ and hands
// the results to SQL, which writes only what differs from the current version.
#include <riskatlas/analysis/facts_json.hpp>
#include <riskatlas/analysis/recompute.hpp>

#include <riskatlas/data/risk_store.hpp>

#include "statement_lane.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <unordered_map>

namespace riskatlas::analysis {
namespace {

using data::id_scope;
using data::session;
namespace store = data::risk_store;

// Supervision categories a zone is graded for besides "all" (data/migrations/0003_risk.sql,
// risk_categories): per-industry maps are the same computation over a filtered member list.
constexpr std::array<const char*, 9> supervision_categories{
    "hazardous_chemicals", "coal_mine", "non_coal_mine", "industry_trade", "fireworks",
    "construction",        "gas",       "transport",     "oil_depot"};

// A change moves density at most the kernel's support. Degrees for the index search: one degree
// of longitude is at least 111.32 km * cos(55 deg) = 63.9 km inside China, so dividing by 60 km
// over-reaches a little and never misses a cell.
double density_reach_m(const risk::density_model& m) { return m.support_radius_m(); }
double metres_to_search_degrees(double metres) { return metres / 60000.0; }

risk::enterprise_facts to_facts(const data::enterprise_fact_row& r) {
    risk::enterprise_facts f;
    f.supervision_category = r.supervision_category;
    f.industry_code = r.industry_code.value_or("");
    f.major_hazard_level = r.major_hazard_level;
    f.hazardous_processes = r.hazardous_processes;
    f.reaction_hazard_level = r.reaction_hazard_level;
    f.workers = r.workers;
    f.open_general_hazards = r.open_general;
    f.open_major_hazards = r.open_major;
    f.overdue_general_hazards = r.overdue_general;
    f.overdue_major_hazards = r.overdue_major;
    f.accidents_3y = r.accidents_3y;
    f.standardisation_level = r.standardisation_level;
    f.monitoring_connected = r.monitoring_connected;
    return f;
}

risk::park_facts to_facts(const data::park_fact_row& r) {
    risk::park_facts f;
    f.recognised = r.recognised;
    f.years_since_overall_assessment = r.years_since_overall_assessment;
    f.risk_acceptable = r.risk_acceptable;
    f.control_line = r.control_line;
    f.sensitive_target_distance_m = r.sensitive_target_distance_m;
    f.residents_inside = r.residents_inside;
    f.red_enterprises = r.red;
    f.orange_enterprises = r.orange;
    f.yellow_enterprises = r.yellow;
    f.blue_enterprises = r.blue;
    f.max_reaction_hazard_level = r.max_reaction_hazard_level;
    f.open_major_hazards = r.open_major_hazards;
    f.overdue_hazards = r.overdue_hazards;
    f.closed_management = r.closed_management;
    f.hazmat_parking = r.hazmat_parking;
    f.fire_station = r.fire_station;
    f.supervision_body = r.supervision_body;
    f.smart_platform = r.smart_platform;
    f.emergency_plan_drilled = r.emergency_plan_drilled;
    f.emergency_rescue_team = r.emergency_rescue_team;
    f.emergency_materials = r.emergency_materials;
    f.years_since_major_accident = r.years_since_major_accident;
    return f;
}

std::vector<std::string> fired_rules(const risk::grade_explanation& e) {
    std::vector<std::string> out;
    for (const auto& r : e.hard_rules)
        out.push_back(r.rule_id);
    return out;
}

// What a zone needs of an enterprise graded in this run, before its grade is written.
struct fresh_grade {
    std::string name, supervision_category;
    risk::four_colour colour = risk::four_colour::blue;
    std::optional<int> major_hazard_level;
};
using fresh_grades = std::unordered_map<std::int64_t, fresh_grade>;

std::vector<data::enterprise_grade_row>
enterprise_rows(const std::vector<data::enterprise_fact_row>& facts, const model_set& models,
                fresh_grades* fresh = nullptr) {
    std::vector<data::enterprise_grade_row> rows;
    rows.reserve(facts.size());
    const auto& version = models.enterprise.model().version;
    for (const auto& row : facts) {
        const auto f = to_facts(row);
        const auto g =
            risk::grade_enterprise(f, models.enterprise, risk::explanation_detail::summary);
        rows.push_back({row.id, std::string(risk::to_string(g.colour)),
                        std::string(risk::to_string(g.score_colour)), g.score,
                        fired_rules(g.explanation), version, to_json(f).dump()});
        if (fresh)
            fresh->insert_or_assign(row.id, fresh_grade{row.name, row.supervision_category,
                                                        g.colour, row.major_hazard_level});
    }
    return rows;
}

// An incremental stage with nothing in scope has nothing to read, grade, write or close.
bool nothing_in(const id_scope& scope) { return scope && scope->empty(); }

// Both lists of ids, sorted, each id once.
std::vector<std::int64_t> merged(std::vector<std::int64_t> ids,
                                 const std::vector<std::int64_t>& more) {
    ids.insert(ids.end(), more.begin(), more.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::int64_t grade_enterprises(session& s, std::int64_t run, const model_set& models,
                               const id_scope& scope) {
    if (nothing_in(scope))
        return 0;
    return store::write_enterprise_grades(
               s, run, enterprise_rows(store::enterprise_facts(s, scope), models), scope)
        .changed();
}

std::int64_t assess_parks(session& s, std::int64_t run, const model_set& models,
                          const id_scope& scope) {
    if (nothing_in(scope))
        return 0;
    const auto facts = store::park_facts(s, scope);
    std::vector<data::park_grade_row> rows;
    const auto& version = models.park.model().version;
    for (const auto& row : facts) {
        const auto f = to_facts(row);
        const auto g = risk::assess_park(f, models.park, risk::explanation_detail::summary);
        rows.push_back({row.id, std::string(risk::to_string(g.grade)),
                        std::string(risk::to_string(g.score_grade)), g.score,
                        fired_rules(g.explanation), row.red + row.orange + row.yellow + row.blue,
                        version, to_json(f).dump()});
    }
    return store::write_park_grades(s, run, rows, scope).changed();
}

// A zone member with its grade: graded in this run, else the stored current one.
struct zone_member {
    std::int64_t id = 0;
    const std::string* name = nullptr;
    const std::string* supervision_category = nullptr;
    risk::four_colour colour = risk::four_colour::blue;
    std::optional<int> major_hazard_level;
};

struct zone_inputs {
    double area_km2 = 0;
    std::vector<zone_member> members;
    std::vector<const data::zone_hazard_row*> hazards;
};

// None: the enterprise has no grade yet (it will be graded by a later run).
std::optional<zone_member> member_of(const data::zone_member_row& m, const fresh_grades& fresh) {
    if (const auto it = fresh.find(m.enterprise_id); it != fresh.end())
        return zone_member{m.enterprise_id, &it->second.name, &it->second.supervision_category,
                           it->second.colour, it->second.major_hazard_level};
    if (!m.grade)
        return std::nullopt;
    return zone_member{m.enterprise_id, &m.grade->name, &m.grade->supervision_category,
                       risk::parse_four_colour(m.grade->colour).value_or(risk::four_colour::blue),
                       m.grade->major_hazard_level};
}

// One zone for one category: members and hazards of that category ("all": everything, including
// hazards tied to no enterprise).
risk::zone_input zone_input_for(const std::string& zone_kind, const zone_inputs& z,
                                const std::string& category) {
    risk::zone_input in;
    in.zone_kind = zone_kind;
    in.area_km2 = z.area_km2;
    const bool all = category == "all";
    for (const auto& m : z.members)
        if (all || *m.supervision_category == category)
            in.enterprises.push_back({m.id, *m.name, m.colour, m.major_hazard_level});
    for (const auto* h : z.hazards)
        if (all || h->supervision_category == category) {
            in.open_hazards += h->open;
            in.open_major_hazards += h->open_major;
            in.overdue_hazards += h->overdue;
        }
    return in;
}

data::zone_grade_row zone_row_for(std::int64_t zone_id, const std::string& category,
                                  const risk::zone_input& in, const risk::zone_result& r,
                                  const std::string& version) {
    data::zone_grade_row row;
    row.zone_id = zone_id;
    row.category = category;
    row.colour = std::string(risk::to_string(r.colour));
    row.risk_index = r.risk_index;
    row.enterprises = static_cast<int>(in.enterprises.size());
    for (const auto& m : in.enterprises) {
        switch (m.colour) {
        case risk::four_colour::red:
            ++row.red;
            break;
        case risk::four_colour::orange:
            ++row.orange;
            break;
        case risk::four_colour::yellow:
            ++row.yellow;
            break;
        case risk::four_colour::blue:
            ++row.blue;
            break;
        }
    }
    row.open_hazards = in.open_hazards;
    row.model_version = version;
    row.explanation_json = to_json(r.explanation).dump();
    return row;
}

// `fresh`: grades made by this run and not written yet; they win over the stored ones.
std::vector<data::zone_grade_row> zone_rows(const std::string& zone_kind,
                                            const data::zone_facts& facts, const model_set& models,
                                            const fresh_grades& fresh) {
    std::unordered_map<std::int64_t, zone_inputs> zones;
    for (const auto& z : facts.zones)
        zones[z.id].area_km2 = z.area_km2;
    for (const auto& m : facts.members)
        if (auto member = member_of(m, fresh))
            zones[m.zone_id].members.push_back(*member);
    for (const auto& h : facts.hazards)
        zones[h.zone_id].hazards.push_back(&h);

    std::vector<data::zone_grade_row> rows;
    const auto& version = models.zoning.version();
    for (const auto& z : facts.zones) {
        const auto& inputs = zones.at(z.id);
        const auto everything = zone_input_for(zone_kind, inputs, "all");
        rows.push_back(zone_row_for(z.id, "all", everything,
                                    risk::grade_zone(everything, models.zoning), version));
        // A category with nothing in the zone gets no row: its map shows the zone empty, not
        // "low risk".
        for (const char* category : supervision_categories) {
            const auto in = zone_input_for(zone_kind, inputs, category);
            if (in.enterprises.empty() && in.open_hazards == 0)
                continue;
            rows.push_back(
                zone_row_for(z.id, category, in, risk::grade_zone(in, models.zoning), version));
        }
    }
    return rows;
}

std::int64_t grade_zones(session& s, std::int64_t run, const model_set& models,
                         const std::string& zone_kind, const id_scope& scope) {
    if (nothing_in(scope))
        return 0;
    const auto rows = zone_rows(zone_kind, store::zone_facts_of(s, zone_kind, scope), models, {});
    return store::write_zone_grades(s, run, zone_kind, rows, scope).changed();
}

std::vector<data::density_grade_row>
density_rows(const risk::density_model& model, const std::vector<data::density_cell_row>& cells,
             const std::vector<data::density_hazard_row>& hazards) {
    std::vector<risk::density_point> points;
    points.reserve(hazards.size());
    for (const auto& h : hazards) {
        const double w = model.hazard_weight(h.level, h.status, h.overdue);
        if (w > 0)
            points.push_back({h.x, h.y, w});
    }
    std::vector<risk::density_point> centres;
    centres.reserve(cells.size());
    for (const auto& c : cells)
        centres.push_back({c.x, c.y, 1});
    const auto densities = risk::kernel_density(points, centres, model);

    std::vector<data::density_grade_row> rows;
    rows.reserve(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        // Rounded so that float noise from a different summation order is not a new version.
        const double density = std::round(densities[i] * 1000) / 1000;
        const auto c = risk::classify_density(density, model);
        const nlohmann::json explanation{{"model_id", model.id()},
                                         {"model_version", model.version()},
                                         {"density_per_km2", density},
                                         {"kernel", model.kernel_rule()},
                                         {"cell_size_m", model.cell_size_m()},
                                         {"grade", risk::to_string(c.colour)},
                                         {"band_rule", c.band_rule}};
        rows.push_back({cells[i].zone_id, density, std::string(risk::to_string(c.colour)),
                        model.version(), explanation.dump()});
    }
    return rows;
}

std::int64_t grade_density(session& s, std::int64_t run, const model_set& models,
                           const id_scope& scope) {
    if (nothing_in(scope))
        return 0;
    const auto& model = models.density;
    const auto rows = density_rows(model, store::density_cells(s, scope),
                                   store::density_hazards(s, scope, density_reach_m(model)));
    return store::write_density(s, run, rows, scope).changed();
}

// A full run, pipelined: every input is read first, and each stage is graded in C++ while the
// database writes the one before (statement_lane). The zones' members are read before the new
// enterprise grades are written, so the zones take those grades from memory. Writes the same rows
// as the stage-by-stage order an incremental run needs (its zone scope depends on the grades
// written), in about the database's time alone on two cores.
void full_run(session& s, std::int64_t run, const model_set& models, recompute_report& report,
              const std::function<void(std::string_view, double)>& progress) {
    const id_scope all = std::nullopt;
    statement_lane lane;
    auto enterprise_facts = lane.post([&s, all] { return store::enterprise_facts(s, all); });
    auto township_facts =
        lane.post([&s, all] { return store::zone_facts_of(s, "township", all, false); });
    auto grid_facts = lane.post([&s, all] { return store::zone_facts_of(s, "grid", all, false); });
    auto cells = lane.post([&s, all] { return store::density_cells(s, all); });
    auto hazards = lane.post([&s, all, &models] {
        return store::density_hazards(s, all, density_reach_m(models.density));
    });

    progress(enterprise_layer, 0.1);
    fresh_grades fresh;
    auto enterprises =
        lane.post([&s, run, all, rows = enterprise_rows(enterprise_facts.get(), models, &fresh)] {
            return store::write_enterprise_grades(s, run, rows, all).changed();
        });
    progress(park_layer, 0.4);
    auto parks = lane.post([&s, run, all, &models] { return assess_parks(s, run, models, all); });
    progress(township_layer, 0.5);
    auto townships = lane.post(
        [&s, run, all, rows = zone_rows("township", township_facts.get(), models, fresh)] {
            return store::write_zone_grades(s, run, "township", rows, all).changed();
        });
    progress(grid_layer, 0.6);
    auto grid =
        lane.post([&s, run, all, rows = zone_rows("grid", grid_facts.get(), models, fresh)] {
            return store::write_zone_grades(s, run, "grid", rows, all).changed();
        });
    progress(density_layer, 0.8);
    auto density =
        lane.post([&s, run, all, rows = density_rows(models.density, cells.get(), hazards.get())] {
            return store::write_density(s, run, rows, all).changed();
        });
    report.changed[enterprise_layer] = enterprises.get();
    report.changed[park_layer] = parks.get();
    report.changed[township_layer] = townships.get();
    report.changed[grid_layer] = grid.get();
    report.changed[density_layer] = density.get();
}

bool same_models(const std::string& a, const std::string& b) {
    return nlohmann::json::parse(a) == nlohmann::json::parse(b);
}

} // namespace

bool recompute_pending(data::database& db) {
    bool pending = false;
    db.transact({}, data::access::read_only, [&](session& s) {
        pending = !store::latest_run(s) || store::pending_changes(s).max_id > 0;
    });
    return pending;
}

recompute_report recompute(data::database& db, const model_set& models,
                           const recompute_options& options) {
    const auto started = std::chrono::steady_clock::now();
    const auto progress = [&](std::string_view stage, double done) {
        if (options.progress)
            options.progress(stage, done);
    };
    recompute_report report;
    data::request_context context;
    context.statement_timeout = std::chrono::minutes(10); // a batch, not a request
    db.transact(context, data::access::read_write, [&](session& s) {
        report = {};
        store::lock_runs(s);
        for (const auto& [id, text] : models.texts)
            store::register_model(s, id, text.version, text.body_json);
        const auto last = store::latest_run(s);
        const auto pending = store::pending_changes(s);
        const auto versions = models.versions_json();
        const bool full = options.full || !last || pending.needs_full ||
                          !same_models(last->models_json, versions);
        const std::string last_day = last ? last->day : "1970-01-01";
        std::vector<std::int64_t> enterprises;
        if (!full) {
            enterprises = store::affected_enterprises(s, pending.max_id, last_day);
            if (pending.max_id == 0 && enterprises.empty()) {
                report.kind = "skipped";
                return;
            }
        }
        report.kind = full ? "full" : "incremental";
        const auto run = store::begin_run(s, report.kind, options.reason, versions);
        report.run = run;

        // Zones follow the regions and the models' cell sizes: rebuilt only when one of them
        // may have changed (only a full run can follow such a change), not on every full run.
        const bool regions_changed = !last || pending.zones_changed;
        progress("zones", 0.0);
        bool zones_synced = regions_changed;
        if (regions_changed)
            store::sync_township_zones(s);
        for (const auto& [grid, size_m] : {std::pair{"grid", models.zoning.grid_cell_size_m()},
                                           std::pair{"density", models.density.cell_size_m()}})
            if (regions_changed || (full && !store::grid_is_current(s, grid, size_m))) {
                store::sync_grid_zones(s, grid, size_m);
                zones_synced = true;
            }
        // The zones' members: all placed again after a zone rebuild, a bulk change (which
        // leaves no per-row marks) or when a full run is asked for (every zone is regraded
        // then), else only the enterprises that changed, and the zones whose members that
        // changed are regraded.
        const bool place_all = zones_synced || pending.needs_full || options.full;
        std::map<std::string, std::vector<std::int64_t>> members_changed;
        if (place_all) {
            store::place_all_zone_members(s);
            store::refresh_zone_statistics(s);
        } else {
            members_changed =
                store::place_zone_members(s, store::changed_enterprises(s, pending.max_id));
        }
        if (full) {
            full_run(s, run, models, report, progress);
        } else {
            // Stage by stage: which zones to regrade depends on the grades just written.
            const auto zones_near = [&](const char* kind, double reach_deg, bool hazards_only) {
                auto ids = store::affected_zones(s, pending.max_id, run, last_day, kind, reach_deg,
                                                 hazards_only, enterprises);
                if (const auto it = members_changed.find(kind); it != members_changed.end())
                    ids = merged(std::move(ids), it->second);
                return ids;
            };
            progress(enterprise_layer, 0.1);
            report.changed[enterprise_layer] = grade_enterprises(s, run, models, enterprises);
            progress(park_layer, 0.4);
            report.changed[park_layer] = assess_parks(
                s, run, models, store::affected_parks(s, pending.max_id, run, enterprises));
            progress(township_layer, 0.5);
            report.changed[township_layer] =
                grade_zones(s, run, models, "township", zones_near("township", 0, false));
            progress(grid_layer, 0.6);
            report.changed[grid_layer] =
                grade_zones(s, run, models, "grid", zones_near("grid", 0, false));
            progress(density_layer, 0.8);
            const double reach = metres_to_search_degrees(density_reach_m(models.density));
            report.changed[density_layer] =
                grade_density(s, run, models, zones_near("density", reach, true));
        }
        store::finish_run(s, run, report.changed, pending.max_id);
    });
    progress("done", 1.0);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace riskatlas::analysis
