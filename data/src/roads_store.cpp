// Writes and reads of the rural-road tables. Each table is written from one JSON array parameter
// (one round trip, one version bump); replacing the content, deriving segments and planning
// works run in one transaction, so a refused record leaves the stored content as it was.
#include <riskatlas/data/roads_store.hpp>
#include <riskatlas/data/errors.hpp>

#include "roads_records.hpp"
#include "session.hpp"

namespace riskatlas::data {
namespace {

road_counts read_counts(session &s) {
    const auto row = s.exec_file("sql/roads_counts.sql").at(0);
    road_counts c;
    c.routes = row["routes"].as<std::int64_t>();
    c.pieces = row["pieces"].as<std::int64_t>();
    c.route_km = row["route_km"].as<double>();
    c.waterways = row["waterways"].as<std::int64_t>();
    c.bridges = row["bridges"].as<std::int64_t>();
    c.danger_bridges = row["danger_bridges"].as<std::int64_t>();
    c.inspections = row["inspections"].as<std::int64_t>();
    c.segments = row["segments"].as<std::int64_t>();
    c.derived_segments = row["derived_segments"].as<std::int64_t>();
    c.works = row["works"].as<std::int64_t>();
    return c;
}

request_context bulk_context() {
    request_context context;
    context.statement_timeout = std::chrono::milliseconds(300000); // a bulk write, not a request
    return context;
}

} // namespace

void delete_road_content(session &s) {
    s.exec_file("sql/roads_delete_works.sql");
    s.exec_file("sql/roads_delete_segments.sql");
    s.exec_file("sql/roads_delete_bridges.sql");
    s.exec_file("sql/roads_delete_routes.sql");
    s.exec_file("sql/roads_delete_waterways.sql");
}

void insert_road_content(session &s, const road_dataset &dataset) {
    s.exec_file("sql/roads_insert_routes.sql", detail::json_array(dataset.routes));
    s.exec_file("sql/roads_insert_pieces.sql", detail::json_array(dataset.pieces));
    s.exec_file("sql/roads_insert_waterways.sql", detail::json_array(dataset.waterways));
    s.exec_file("sql/roads_insert_bridges.sql", detail::json_array(dataset.bridges));
    s.exec_file("sql/roads_insert_inspections.sql", detail::json_array(dataset.inspections));
    s.exec_file("sql/roads_insert_segments.sql", detail::json_array(dataset.segments));
    insert_safety_works(s, dataset.works);
}

void insert_safety_works(session &s, const std::vector<safety_works_record> &works) {
    if (!works.empty())
        s.exec_file("sql/roads_insert_works.sql", detail::json_array(works));
}

derivation_result derive_risk_segments(session &s, const road_derivation_settings &settings) {
    const auto row =
        s.exec_file("sql/roads_derive_segments.sql", settings.village_buffer_m,
                       settings.water_buffer_m, settings.crossing_half_length_m,
                       settings.identified_at, settings.baseline_year)
            .at(0);
    return {row["derived"].as<std::int64_t>(), row["added"].as<std::int64_t>(),
            row["removed"].as<std::int64_t>()};
}

std::vector<risk_segment_record> risk_segments(session &s) {
    std::vector<risk_segment_record> out;
    for (const auto &row : s.exec_file("sql/roads_segments.sql"))
        out.push_back(detail::segment_from_row(row));
    return out;
}

road_counts replace_road_content(database &db, const road_dataset &dataset,
                                 const road_derivation_settings &settings,
                                 const works_planner &plan) {
    road_counts counts;
    db.transact(bulk_context(), access::read_write, [&](session &s) {
        delete_road_content(s);
        insert_road_content(s, dataset);
        derive_risk_segments(s, settings);
        if (plan)
            insert_safety_works(s, plan(risk_segments(s)));
        counts = read_counts(s);
    });
    return counts;
}

derivation_result derive_risk_segments(database &db, const road_derivation_settings &settings) {
    derivation_result result;
    db.transact(bulk_context(), access::read_write,
                [&](session &s) { result = derive_risk_segments(s, settings); });
    return result;
}

void insert_safety_works(database &db, const std::vector<safety_works_record> &works) {
    db.transact({}, access::read_write, [&](session &s) { insert_safety_works(s, works); });
}

std::vector<risk_segment_record> risk_segments(database &db) {
    std::vector<risk_segment_record> out;
    db.transact({}, access::read_only, [&](session &s) { out = risk_segments(s); });
    return out;
}

road_counts count_roads(database &db) {
    road_counts counts;
    db.transact({}, access::read_only, [&](session &s) { counts = read_counts(s); });
    return counts;
}

std::vector<danger_bridge_row> danger_bridges(database &db, const std::string &as_of) {
    std::vector<danger_bridge_row> out;
    db.transact({}, access::read_only, [&](session &s) {
        for (const auto &row : s.exec_file("sql/roads_danger_bridges.sql", as_of))
            out.push_back(detail::danger_bridge_from_row(row));
    });
    return out;
}

void record_bridge_treatment(database &db, const std::string &code, const std::string &date,
                             const std::string &outcome) {
    db.transact({}, access::read_write, [&](session &s) {
        if (s.exec_file("sql/roads_treat_bridge.sql", code, date, outcome).empty())
            throw not_found("unknown_bridge", "no bridge with code " + code);
    });
}

coverage_inputs read_coverage_inputs(database &db, const request_context &ctx) {
    coverage_inputs out;
    db.transact(ctx, access::read_only, [&](session &s) {
        for (const auto &r : s.exec_file("sql/roads_coverage_segments.sql"))
            out.segments.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(),
                                    r[2].as<std::string>(), r[3].as<std::string>(),
                                    r[4].as<std::string>(), r[5].as<std::string>(),
                                    r[6].as<double>(), r[7].as<double>()});
        for (const auto &r : s.exec_file("sql/roads_coverage_works.sql"))
            out.works.push_back({r[0].as<std::string>(), r[1].as<std::string>(),
                                 r[2].as<double>(), r[3].as<double>(), r[4].as<std::string>()});
    });
    return out;
}

bridge_tracker_inputs read_bridge_tracker(database &db, const request_context &ctx,
                                          const std::string &as_of, const std::string &year_start,
                                          const std::optional<std::string> &since) {
    bridge_tracker_inputs in;
    auto &out = in.bridges;
    db.transact(ctx, access::read_only, [&](session &s) {
        for (const auto &r : s.exec_file("sql/roads_townships.sql"))
            in.townships.emplace_back(r[0].as<std::string>(), r[1].as<std::string>());
        for (const auto &r : s.exec_file("sql/roads_bridge_tracker.sql", as_of, year_start, since)) {
            tracked_bridge_row b;
            b.code = r["code"].as<std::string>();
            b.name = r["name"].as<std::string>();
            b.route_code = r["route_code"].as<std::string>();
            b.stake = r["stake"].as<std::string>();
            b.condition_class = r["condition_class"].as<int>();
            b.rated_at = r["rated_at"].as<std::string>();
            b.interim_measure = r["interim_measure"].as<std::string>();
            b.treatment = r["treatment"].as<std::string>();
            b.treatment_deadline = r["treatment_deadline"].as<std::string>();
            b.treated_at = r["treated_at"].as<std::string>();
            b.danger = r["danger"].as<bool>();
            b.overdue = r["overdue"].as<bool>(false);
            b.stock = r["stock"].as<bool>(false);
            b.cleared = r["cleared"].as<bool>(false);
            b.newly_found = r["newly_found"].as<bool>(false);
            b.township_code = r["township_code"].as<std::string>();
            b.township_name = r["township_name"].as<std::string>();
            out.push_back(std::move(b));
        }
    });
    return in;
}

std::optional<snapped_range> snap_line(database &db, const std::string &geojson_line,
                                       double max_off_m) {
    std::optional<snapped_range> out;
    db.transact({}, access::read_only, [&](session &s) {
        const auto rows = s.exec_file("sql/roads_snap_line.sql", geojson_line, max_off_m);
        if (!rows.empty())
            out = snapped_range{rows[0][0].as<std::string>(), rows[0][1].as<double>(),
                                rows[0][2].as<double>(), rows[0][3].as<double>()};
    });
    return out;
}

stored_coverage read_stored_coverage(database &db, const request_context &ctx,
                                     const std::string &by) {
    stored_coverage out;
    db.transact(ctx, access::read_only, [&](session &s) {
        for (const auto &r : s.exec_file("sql/roads_coverage_totals.sql", by)) {
            coverage_total_row row{r[0].as<std::string>(), r[1].as<std::string>(),
                                   r[2].as<double>(), r[3].as<double>()};
            if (row.key == "*")
                out.overall = std::move(row);
            else
                out.groups.push_back(std::move(row));
        }
        const auto counts = s.exec_file("sql/roads_coverage_counts.sql").at(0);
        out.segments = counts[0].as<std::int64_t>();
        out.gaps = counts[1].as<std::int64_t>();
    });
    return out;
}

std::optional<bridge_detail> read_bridge_detail(database &db, const request_context &ctx,
                                                const std::string &code) {
    std::optional<bridge_detail> out;
    db.transact(ctx, access::read_only, [&](session &s) {
        const auto rows = s.exec_file("sql/roads_bridge_detail.sql", code);
        if (rows.empty())
            return;
        out = detail::bridge_detail_from_row(rows[0]);
        for (const auto &r : s.exec_file("sql/roads_bridge_detail_inspections.sql", code))
            out->inspections.push_back(detail::inspection_from_row(code, r));
    });
    return out;
}

} // namespace riskatlas::data
