// Risk inputs and results (data/sql/risk_*.sql). Result rows are copied into a staging table per
// layer, and the SQL decides which rows really changed.
#include <riskatlas/data/errors.hpp>
#include <riskatlas/data/risk_store.hpp>

#include "copy_text.hpp"
#include "session.hpp"

#include <pqxx/tablewriter>

#include <nlohmann/json.hpp>

namespace riskatlas::data {
namespace {

using nlohmann::json;

// A PostgreSQL array literal; only integers go in, so no quoting is needed.
std::optional<std::string> array_literal(const id_scope& ids) {
    if (!ids)
        return std::nullopt;
    std::string out = "{";
    for (const auto id : *ids)
        out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "}";
}

std::vector<std::int64_t> id_column(const pqxx::result& rows) {
    std::vector<std::int64_t> out;
    out.reserve(rows.size());
    for (const auto& row : rows)
        out.push_back(row[0].as<std::int64_t>());
    return out;
}

template <typename T> std::optional<T> optional_field(const pqxx::field& f) {
    if (f.is_null())
        return std::nullopt;
    return f.as<T>();
}

int int_field(const pqxx::field& f) { return static_cast<int>(f.as<std::int64_t>()); }

// Result rows reach PostgreSQL by COPY into the layer's staging table (risk_stage_*.sql), a
// line at a time: neither we nor libpq hold the text of a whole layer, and PostgreSQL parses
// plain columns instead of a JSON document per row.
class staged_rows {
  public:
    staged_rows(session& s, const std::string& layer)
        : m_session(s), m_table("risk_stage_" + layer) {
        s.exec_script(session::embedded_sql("sql/" + m_table + ".sql"));
        m_writer = std::make_unique<pqxx::tablewriter>(s.transaction(), m_table);
    }
    staged_rows& text(std::string_view value) {
        separate();
        append_copy_value(m_line, value);
        return *this;
    }
    staged_rows& number(double value) {
        separate();
        append_copy_number(m_line, value);
        return *this;
    }
    staged_rows& integer(std::int64_t value) {
        separate();
        m_line += std::to_string(value);
        return *this;
    }
    staged_rows& texts(const std::vector<std::string>& values) {
        return text(text_array_literal(values));
    }
    void end_row() {
        ++m_rows;
        m_writer->write_raw_line(m_line);
        m_line.clear();
        m_fields = 0;
    }
    // A few rows (an edit's) are analysed: without statistics the planner took one staged row
    // for hundreds and hashed whole tables (every enterprise, every current grade) to join it,
    // 10-40 ms of each incremental run. Many rows are not: the estimate from the table's size
    // is close enough, and analysing a full run's 30k grades cost 0.3 s of its time.
    void complete() {
        constexpr std::size_t analysed_up_to = 1000;
        m_writer->complete();
        if (m_rows <= analysed_up_to)
            m_session.exec_script("ANALYZE " + m_table);
    }

  private:
    void separate() {
        if (m_fields++ > 0)
            m_line += '\t';
    }

    session& m_session;
    std::string m_table;
    std::unique_ptr<pqxx::tablewriter> m_writer;
    std::string m_line;
    int m_fields = 0;
    std::size_t m_rows = 0;
};

write_counts counts_of(const pqxx::result& rows) {
    return {rows.at(0)[0].as<std::int64_t>(), rows.at(0)[1].as<std::int64_t>()};
}

} // namespace

namespace risk_store {

void lock_runs(session& s) { s.exec_file("sql/risk_lock.sql"); }

std::optional<last_run> latest_run(session& s) {
    const auto rows = s.exec_file("sql/risk_last_run.sql");
    if (rows.empty())
        return std::nullopt;
    return last_run{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::string>(),
                    rows[0][2].as<std::string>()};
}

dirty_summary pending_changes(session& s) {
    const auto row = s.exec_file("sql/risk_dirty_summary.sql").at(0);
    return {row[0].as<std::int64_t>(), row[1].as<bool>(), row[2].as<bool>()};
}

void register_model(session& s, const std::string& id, const std::string& version,
                    const std::string& body_json) {
    const auto same = s.exec_file("sql/risk_model_register.sql", id, version, body_json).at(0)[0];
    if (!same.as<bool>())
        throw rejected_data("model '" + id + "' version '" + version +
                            "' was used before with a different body: give the edited model a "
                            "new version");
}

std::optional<std::string> model_body(session& s, const std::string& id,
                                      const std::string& version) {
    const auto rows = s.exec_file("sql/risk_model_body.sql", id, version);
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::string>();
}

std::int64_t begin_run(session& s, const std::string& kind, const std::string& reason,
                       const std::string& models_json) {
    return s.exec_file("sql/risk_run_begin.sql", kind, reason, models_json)
        .at(0)[0]
        .as<std::int64_t>();
}

void finish_run(session& s, std::int64_t run, const std::map<std::string, std::int64_t>& changed,
                std::int64_t consumed_dirty_id) {
    s.exec_file("sql/risk_run_finish.sql", run, json(changed).dump(), consumed_dirty_id);
}

std::vector<std::int64_t> affected_enterprises(session& s, std::int64_t max_dirty,
                                               const std::string& last_day) {
    return id_column(s.exec_file("sql/risk_affected_enterprises.sql", max_dirty, last_day));
}

std::vector<std::int64_t> affected_parks(session& s, std::int64_t max_dirty, std::int64_t run,
                                         const std::vector<std::int64_t>& enterprises) {
    return id_column(
        s.exec_file("sql/risk_affected_parks.sql", max_dirty, run, array_literal(enterprises)));
}

std::vector<std::int64_t> affected_zones(session& s, std::int64_t max_dirty, std::int64_t run,
                                         const std::string& last_day, const std::string& zone_kind,
                                         double reach_deg, bool hazards_only,
                                         const std::vector<std::int64_t>& enterprises) {
    return id_column(s.exec_file("sql/risk_affected_zones.sql", max_dirty, run, last_day, zone_kind,
                                 reach_deg, hazards_only, array_literal(enterprises)));
}

void sync_township_zones(session& s) { s.exec_file("sql/risk_zones_townships.sql"); }

void refresh_zone_statistics(session& s) { s.exec_file("sql/risk_zones_analyze.sql"); }

std::map<std::string, std::vector<std::int64_t>>
place_zone_members(session& s, const std::vector<std::int64_t>& ids) {
    std::map<std::string, std::vector<std::int64_t>> changed;
    if (ids.empty())
        return changed;
    for (const auto& r : s.exec_file("sql/risk_zone_members_place.sql", array_literal(ids)))
        changed[r[1].as<std::string>()].push_back(r[0].as<std::int64_t>());
    return changed;
}

void place_all_zone_members(session& s) {
    s.exec_file("sql/risk_zone_members_clear.sql");
    s.exec_file("sql/risk_zone_members_place_all.sql");
}

std::vector<std::int64_t> changed_enterprises(session& s, std::int64_t max_dirty) {
    return id_column(s.exec_file("sql/risk_dirty_enterprises.sql", max_dirty));
}

bool grid_is_current(session& s, const std::string& grid, double cell_size_m) {
    return s.exec_file("sql/risk_zones_grid_current.sql", grid, cell_size_m).at(0)[0].as<bool>();
}

void sync_grid_zones(session& s, const std::string& grid, double cell_size_m) {
    s.exec_file("sql/risk_zones_grid.sql", grid, cell_size_m);
}

std::vector<enterprise_fact_row> enterprise_facts(session& s, const id_scope& ids) {
    std::vector<enterprise_fact_row> out;
    const auto rows = s.exec_file("sql/risk_enterprise_facts.sql", array_literal(ids));
    out.reserve(rows.size());
    for (const auto& r : rows) {
        enterprise_fact_row f;
        f.id = r[0].as<std::int64_t>();
        f.supervision_category = r[1].as<std::string>();
        f.industry_code = optional_field<std::string>(r[2]);
        f.major_hazard_level = optional_field<int>(r[3]);
        f.hazardous_processes = json::parse(r[4].as<std::string>()).get<std::vector<std::string>>();
        f.reaction_hazard_level = optional_field<int>(r[5]);
        f.workers = r[6].as<int>();
        f.accidents_3y = r[7].as<int>();
        f.standardisation_level = optional_field<int>(r[8]);
        f.monitoring_connected = r[9].as<bool>();
        f.open_general = int_field(r[10]);
        f.open_major = int_field(r[11]);
        f.overdue_general = int_field(r[12]);
        f.overdue_major = int_field(r[13]);
        f.name = r[14].as<std::string>();
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<park_fact_row> park_facts(session& s, const id_scope& ids) {
    std::vector<park_fact_row> out;
    for (const auto& r : s.exec_file("sql/risk_park_facts.sql", array_literal(ids))) {
        park_fact_row p;
        p.id = r[0].as<std::int64_t>();
        p.recognised = r[1].as<bool>();
        p.years_since_overall_assessment = optional_field<double>(r[2]);
        p.risk_acceptable = r[3].as<bool>();
        p.control_line = r[4].as<bool>();
        p.sensitive_target_distance_m = optional_field<double>(r[5]);
        p.residents_inside = r[6].as<bool>();
        p.closed_management = r[7].as<bool>();
        p.hazmat_parking = r[8].as<bool>();
        p.fire_station = r[9].as<bool>();
        p.supervision_body = r[10].as<bool>();
        p.smart_platform = r[11].as<bool>();
        p.emergency_plan_drilled = r[12].as<bool>();
        p.emergency_rescue_team = r[13].as<bool>();
        p.emergency_materials = r[14].as<bool>();
        p.years_since_major_accident = optional_field<double>(r[15]);
        p.red = int_field(r[16]);
        p.orange = int_field(r[17]);
        p.yellow = int_field(r[18]);
        p.blue = int_field(r[19]);
        p.max_reaction_hazard_level = optional_field<int>(r[20]);
        p.open_major_hazards = int_field(r[21]);
        p.overdue_hazards = int_field(r[22]);
        out.push_back(std::move(p));
    }
    return out;
}

zone_facts zone_facts_of(session& s, const std::string& zone_kind, const id_scope& ids,
                         bool with_grades) {
    const auto scope = array_literal(ids);
    zone_facts out;
    for (const auto& r : s.exec_file("sql/risk_zone_list.sql", zone_kind, scope))
        out.zones.push_back({r[0].as<std::int64_t>(), r[1].as<double>()});
    for (const auto& r : s.exec_file("sql/risk_zone_members.sql", zone_kind, scope, with_grades))
        out.members.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>(),
                               r[2].is_null()
                                   ? std::nullopt
                                   : std::optional<zone_member_row::graded>(
                                         {r[2].as<std::string>(), r[3].as<std::string>(),
                                          r[4].as<std::string>(), optional_field<int>(r[5])})});
    for (const auto& r : s.exec_file("sql/risk_zone_hazards.sql", zone_kind, scope))
        out.hazards.push_back({r[0].as<std::int64_t>(), optional_field<std::string>(r[1]),
                               int_field(r[2]), int_field(r[3]), int_field(r[4])});
    return out;
}

std::vector<density_cell_row> density_cells(session& s, const id_scope& ids) {
    std::vector<density_cell_row> out;
    for (const auto& r : s.exec_file("sql/risk_density_cells.sql", array_literal(ids)))
        out.push_back({r[0].as<std::int64_t>(), r[1].as<double>(), r[2].as<double>()});
    return out;
}

std::vector<density_hazard_row> density_hazards(session& s, const id_scope& cells, double reach_m) {
    std::vector<density_hazard_row> out;
    for (const auto& r : s.exec_file("sql/risk_density_hazards.sql", array_literal(cells), reach_m))
        out.push_back({r[0].as<double>(), r[1].as<double>(), r[2].as<std::string>(),
                       r[3].as<std::string>(), r[4].as<bool>()});
    return out;
}

write_counts write_enterprise_grades(session& s, std::int64_t run,
                                     const std::vector<enterprise_grade_row>& rows,
                                     const id_scope& scope) {
    staged_rows stage(s, "enterprises");
    for (const auto& g : rows) {
        stage.integer(g.id).text(g.colour).text(g.score_colour).number(g.score);
        stage.texts(g.hard_rules).text(g.model_version).text(g.inputs_json).end_row();
    }
    stage.complete();
    return counts_of(s.exec_file("sql/risk_write_enterprises.sql", run, array_literal(scope)));
}

write_counts write_park_grades(session& s, std::int64_t run,
                               const std::vector<park_grade_row>& rows, const id_scope& scope) {
    staged_rows stage(s, "parks");
    for (const auto& g : rows) {
        stage.integer(g.id).text(g.grade).text(g.score_grade).number(g.score).texts(g.vetoes);
        stage.integer(g.enterprises).text(g.model_version).text(g.inputs_json).end_row();
    }
    stage.complete();
    return counts_of(s.exec_file("sql/risk_write_parks.sql", run, array_literal(scope)));
}

write_counts write_zone_grades(session& s, std::int64_t run, const std::string& zone_kind,
                               const std::vector<zone_grade_row>& rows, const id_scope& scope) {
    staged_rows stage(s, "zones");
    for (const auto& g : rows) {
        stage.integer(g.zone_id).text(g.category).text(g.colour).number(g.risk_index);
        stage.integer(g.enterprises).integer(g.red).integer(g.orange).integer(g.yellow);
        stage.integer(g.blue).integer(g.open_hazards).text(g.model_version);
        stage.text(g.explanation_json).end_row();
    }
    stage.complete();
    return counts_of(s.exec_file("sql/risk_write_zones.sql", run, array_literal(scope), zone_kind));
}

write_counts write_density(session& s, std::int64_t run, const std::vector<density_grade_row>& rows,
                           const id_scope& scope) {
    staged_rows stage(s, "density");
    for (const auto& g : rows) {
        stage.integer(g.zone_id).number(g.density).text(g.colour).text(g.model_version);
        stage.text(g.explanation_json).end_row();
    }
    stage.complete();
    return counts_of(s.exec_file("sql/risk_write_density.sql", run, array_literal(scope)));
}

} // namespace risk_store

namespace {
std::optional<stored_grade> read_grade(database& db, const request_context& ctx,
                                       const std::string& file, std::int64_t id) {
    std::optional<stored_grade> out;
    db.transact(ctx, access::read_only, [&](session& s) {
        const auto rows = s.exec_file(file, id);
        if (!rows.empty())
            out = stored_grade{rows[0][0].as<std::string>(), rows[0][1].as<double>(),
                               rows[0][2].as<std::string>(), rows[0][3].as<std::string>(),
                               rows[0][4].as<std::int64_t>()};
    });
    return out;
}
} // namespace

std::optional<stored_grade> risk_reader::enterprise_grade(const request_context& ctx,
                                                          std::int64_t id) {
    return read_grade(m_db, ctx, "sql/risk_enterprise_grade.sql", id);
}

std::optional<stored_grade> risk_reader::park_grade(const request_context& ctx, std::int64_t id) {
    return read_grade(m_db, ctx, "sql/risk_park_grade.sql", id);
}

std::optional<std::pair<std::string, std::int64_t>>
risk_reader::stored_explanation(const request_context& ctx, const std::string& layer_kind,
                                std::int64_t fid) {
    const std::string file = layer_kind == "density" ? "sql/risk_density_explanation.sql"
                                                     : "sql/risk_zone_explanation.sql";
    std::optional<std::pair<std::string, std::int64_t>> out;
    m_db.transact(ctx, access::read_only, [&](session& s) {
        const auto rows = s.exec_file(file, fid);
        if (!rows.empty())
            out.emplace(rows[0][0].as<std::string>(), rows[0][1].as<std::int64_t>());
    });
    return out;
}

std::optional<std::string> risk_reader::model_body(const request_context& ctx,
                                                   const std::string& id,
                                                   const std::string& version) {
    std::optional<std::string> out;
    m_db.transact(ctx, access::read_only,
                  [&](session& s) { out = risk_store::model_body(s, id, version); });
    return out;
}

bool risk_reader::run_finished(const request_context& ctx, std::int64_t id) {
    bool out = false;
    m_db.transact(ctx, access::read_only, [&](session& s) {
        out = s.exec_file("sql/risk_run_finished.sql", id).at(0)[0].as<bool>();
    });
    return out;
}

std::vector<run_record> risk_reader::runs(const request_context& ctx, int limit) {
    std::vector<run_record> out;
    m_db.transact(ctx, access::read_only, [&](session& s) {
        for (const auto& r : s.exec_file("sql/risk_runs_list.sql", limit))
            out.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::string>(),
                           r[3].as<std::string>(), r[4].as<std::string>(), r[5].as<std::string>(),
                           r[6].as<std::string>()});
    });
    return out;
}

} // namespace riskatlas::data
