// Renders each layer's SQL from the templates once, then runs it through the transaction helper.
#include <riskatlas/data/layer_store.hpp>

#include <riskatlas/data/errors.hpp>
#include <riskatlas/error.hpp>

#include "session.hpp"
#include "table_versions.hpp"

#include <riskatlas/data/version_watch.hpp>

#include <algorithm>

namespace riskatlas::data {

table_versions versions_of(const pqxx::result& rows) {
    table_versions out;
    for (const auto& row : rows)
        out[row[0].as<std::string>()] = {row[1].as<std::int64_t>(), row[2].as<std::string>()};
    return out;
}

table_versions read_table_versions(session& s) {
    return versions_of(s.exec_file("sql/layer_versions.sql"));
}
namespace {

// Layer declarations are ours, but they become SQL text: accept plain lower-case names only
// ([a-z_][a-z0-9_]*, at most 63 bytes as PostgreSQL allows).
const std::string& checked_identifier(const std::string& name) {
    const auto plain_char = [](char c) { return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'); };
    const bool ok = !name.empty() && name.size() <= 63 && !(name[0] >= '0' && name[0] <= '9') &&
                    std::ranges::all_of(name, plain_char);
    if (!ok)
        throw error("bad_layer_declaration", "'" + name + "' is not a plain SQL identifier");
    return name;
}

std::string quoted(const std::string& name) { return "\"" + checked_identifier(name) + "\""; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

std::string property_columns(const layer_source& s) {
    std::string out;
    for (const auto& p : s.properties)
        out += ", src." + quoted(p);
    return out;
}

std::string property_pairs(const layer_source& s) {
    std::string out;
    for (const auto& p : s.properties)
        out += (out.empty() ? "'" : ", '") + checked_identifier(p) + "', src." + quoted(p);
    return out;
}

// One "AND (value IS NULL OR column::text = value)" per filterable property, from $first on.
std::string property_filters(const layer_source& s, int first) {
    std::string out;
    int n = first;
    for (const auto& p : s.filterable) {
        const auto param = "$" + std::to_string(n++);
        out += "AND (" + param + "::text IS NULL OR src." + quoted(p) + "::text = " + param + ")\n      ";
    }
    return out;
}

std::string render(std::string_view file, const layer_source& s, int first_filter_param) {
    std::string sql(session::embedded_sql(file));
    sql = replace_all(sql, "{{relation}}", quoted(s.relation));
    sql = replace_all(sql, "{{layer_literal}}", "'" + checked_identifier(s.id) + "'");
    sql = replace_all(sql, "{{property_columns}}", property_columns(s));
    sql = replace_all(sql, "{{property_pairs}}", property_pairs(s));
    return replace_all(sql, "{{property_filters}}", property_filters(s, first_filter_param));
}

// The tile statement of each zoom band: clustered points, or features (simplified if the band
// says so). Band figures are validated numbers from the registry, written into the SQL as
// literals so each band's statement keeps one cached plan.
std::vector<std::string> tile_sqls(const layer_source& s) {
    const auto bands = s.bands.empty() ? std::vector<zoom_band>{zoom_band{}} : s.bands;
    std::vector<std::string> out;
    for (const auto& band : bands) {
        if (band.cluster_px > 0) {
            // a cell of cluster_px pixels of a 256-px tile, in the 4096 units of the tile
            auto sql = render("sql/layer_tile_clustered.sql", s, 0);
            out.push_back(replace_all(sql, "{{cell_units}}", std::to_string(band.cluster_px * 16)));
            continue;
        }
        auto sql = render("sql/layer_tile.sql", s, 0);
        // metres per pixel at zoom $1: the equator's length over 256 * 2^z pixels
        const auto geometry = band.simplify_px > 0
                                  ? "ST_Simplify(src.geom_3857, " + std::to_string(band.simplify_px) +
                                        " * 40075016.685578488 / (256 * power(2.0, $1)), true)"
                                  : std::string("src.geom_3857");
        out.push_back(replace_all(sql, "{{tile_geometry}}", geometry));
    }
    return out;
}

// Filter values in the declared order of `filterable`, NULL where the request has none.
std::vector<std::optional<std::string>> filter_params(const layer_source& s,
                                                      const feature_query& q) {
    std::vector<std::optional<std::string>> values(s.filterable.size());
    for (const auto& [name, value] : q.filters) {
        const auto it = std::ranges::find(s.filterable, name);
        if (it == s.filterable.end())
            throw invalid_argument("unknown_filter", "'" + name + "' is not a filterable property");
        values[static_cast<std::size_t>(it - s.filterable.begin())] = value;
    }
    return values;
}

std::optional<double> bbox_part(const feature_query& q, double geo::bbox::*part) {
    if (!q.bbox_lonlat)
        return std::nullopt;
    return (*q.bbox_lonlat).*part;
}

std::optional<std::string> properties_array(const feature_query& q) {
    if (!q.properties)
        return std::nullopt;
    std::string out = "{";
    for (const auto& p : *q.properties)
        out += (out.size() > 1 ? "," : "") + ("\"" + checked_identifier(p) + "\"");
    return out + "}";
}

// A layer's version is the sum of the versions of the tables it reads: each only grows, so the
// sum grows on every write to any of them.
layer_version combine(const table_versions& tables, const layer_source& s,
                      const request_context& ctx) {
    layer_version v;
    if (s.versioned && ctx.as_of_run) {
        v.version = *ctx.as_of_run;
        return v;
    }
    for (const auto& t : s.reads) {
        const auto it = tables.find(t);
        if (it == tables.end()) // a silent 0 would freeze the layer's ETag forever
            throw error("bad_layer_declaration", "layer '" + s.id + "' reads '" + t +
                                                     "', which has no row in data_versions");
        v.version += it->second.version;
        v.updated_at = std::max(v.updated_at, it->second.updated_at);
    }
    return v;
}

} // namespace

layer_store::layer_store(const std::vector<layer_source>& sources, const version_watch* watch)
    : m_watch(watch) {
    for (const auto& s : sources) {
        const int filters_after_bbox = 5;
        const int filters_after_page = 8;
        rendered_layer r{s,
                         tile_sqls(s),
                         render("sql/layer_items.sql", s, filters_after_page),
                         render("sql/layer_count.sql", s, filters_after_bbox),
                         render("sql/layer_item.sql", s, 0),
                         render("sql/layer_extent.sql", s, 0)};
        for (const auto& table : s.reads)
            checked_identifier(table);
        m_layers.emplace(s.id, std::move(r));
    }
}

const layer_store::rendered_layer& layer_store::find(const std::string& layer) const {
    const auto it = m_layers.find(layer);
    if (it == m_layers.end())
        throw not_found("unknown_layer", "no layer '" + layer + "'");
    return it->second;
}

std::size_t layer_store::rendered_layer::band_at(int z) const {
    const auto& bands = source.bands;
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (z <= bands[i].maxzoom)
            return i;
    return tile_sqls.size() - 1;
}

const std::string& layer_store::tile_sql(const std::string& layer, std::optional<int> z) const {
    const auto& l = find(layer);
    return l.tile_sqls[z ? l.band_at(*z) : l.tile_sqls.size() - 1];
}

std::map<std::string, layer_version> layer_store::versions(database& db,
                                                           const request_context& ctx) const {
    const auto from = [&](const table_versions& tables) {
        std::map<std::string, layer_version> out;
        for (const auto& [id, layer] : m_layers)
            out[id] = combine(tables, layer.source, ctx);
        return out;
    };
    if (const auto known = m_watch ? m_watch->snapshot() : nullptr)
        return from(*known);
    std::map<std::string, layer_version> out;
    db.transact(ctx, access::read_only, [&](session& s) { out = from(read_table_versions(s)); });
    return out;
}

namespace {
std::string build_tile(session& s, const layer_store::rendered_layer& l, const geo::tile_id& t) {
    const auto band = l.band_at(t.z);
    // Statements are prepared by name once per connection: the name carries the text's hash, so
    // two stores declaring one layer differently (tests, tools) never run each other's SQL.
    const auto name = "tile:" + l.source.id + ":" + std::to_string(band) + ":" +
                      std::to_string(std::hash<std::string>{}(l.tile_sqls[band]));
    const auto rows = s.exec(name, l.tile_sqls[band], t.z, t.x, t.y);
    if (rows.empty() || rows[0][0].is_null())
        return {};
    return pqxx::binarystring(rows[0][0]).str();
}
} // namespace

void layer_store::with_tile(
    database& db, const request_context& ctx, const std::string& layer,
    const std::function<void(const layer_version&, const tile_builder&)>& work) const {
    const auto& l = find(layer);
    // Versions in memory: a transaction only when a tile is built. Its snapshot may be newer
    // than the version (a write whose notification is still on its way); never older.
    if (const auto known = m_watch ? m_watch->snapshot() : nullptr) {
        work(combine(*known, l.source, ctx), [&](const geo::tile_id& t) {
            std::string mvt;
            db.transact(ctx, access::read_only,
                        [&](session& s) { mvt = build_tile(s, l, t); });
            return mvt;
        });
        return;
    }
    db.transact(ctx, access::read_only, [&](session& s) {
        work(combine(read_table_versions(s), l.source, ctx),
             [&](const geo::tile_id& t) { return build_tile(s, l, t); });
    });
}

tile_result layer_store::tile(database& db, const request_context& ctx, const std::string& layer,
                              const geo::tile_id& t, std::optional<std::int64_t> known) const {
    const auto& l = find(layer);
    tile_result out;
    db.transact(ctx, access::read_only, [&](session& s) {
        out.version = combine(read_table_versions(s), l.source, ctx);
        if (known && *known == out.version.version) {
            out.not_modified = true;
            return;
        }
        out.mvt = build_tile(s, l, t);
    });
    return out;
}

feature_page layer_store::features(database& db, const request_context& ctx,
                                   const std::string& layer, const feature_query& q) const {
    const auto& l = find(layer);
    const auto filters = filter_params(l.source, q);
    const auto props = properties_array(q);
    const auto min_x = bbox_part(q, &geo::bbox::min_x), min_y = bbox_part(q, &geo::bbox::min_y);
    const auto max_x = bbox_part(q, &geo::bbox::max_x), max_y = bbox_part(q, &geo::bbox::max_y);
    // The items and count statements have optional filters ("$1 IS NULL OR ST_Intersects(...)",
    // "$5 IS NULL OR fid > $5"): a cached generic plan cannot drop the unused branch and loses
    // the GiST and keyset index paths, so these transactions always plan with the actual values.
    // (Tile statements keep their cached plans: re-planning them costs more than it saves.)
    auto custom_plans = ctx;
    custom_plans.settings.emplace_back("plan_cache_mode", "force_custom_plan");
    feature_page page;
    db.transact(custom_plans, access::read_only, [&](session& s) {
        page.version = combine(read_table_versions(s), l.source, ctx);
        if (q.count_matched)
            page.number_matched =
                s.exec("count:" + layer, l.count_sql, min_x, min_y, max_x, max_y,
                       pqxx::prepare::make_dynamic_params(filters))[0][0].as<std::int64_t>();
        // One row more than asked tells whether a next page exists without a second query.
        const auto rows = s.exec("items:" + layer, l.items_sql, min_x, min_y, max_x, max_y,
                                 q.after_fid, static_cast<std::int64_t>(q.limit + 1), props,
                                 pqxx::prepare::make_dynamic_params(filters));
        for (const auto& row : rows) {
            if (page.features.size() == q.limit) {
                page.next_after = rows[static_cast<pqxx::result::size_type>(q.limit - 1)][0]
                                      .as<std::int64_t>();
                break;
            }
            page.features.push_back(row[1].as<std::string>());
        }
    });
    return page;
}

void layer_store::export_features(
    database& db, const request_context& ctx, const std::string& layer, const feature_query& q,
    std::size_t batch_rows, const std::function<void(const layer_version&)>& on_start,
    const std::function<void(const std::vector<std::string_view>&)>& on_batch) const {
    const auto& l = find(layer);
    const auto filters = filter_params(l.source, q);
    const auto props = properties_array(q);
    const auto min_x = bbox_part(q, &geo::bbox::min_x), min_y = bbox_part(q, &geo::bbox::min_y);
    const auto max_x = bbox_part(q, &geo::bbox::max_x), max_y = bbox_part(q, &geo::bbox::max_y);
    const std::optional<std::int64_t> no_cursor, no_limit; // LIMIT NULL: every row
    // A cursor is planned for its first rows (cursor_tuple_fraction), so the first batch leaves
    // in milliseconds even for a million features; DECLARE cannot be a prepared statement, so
    // it goes with its parameters through the unnamed statement.
    const auto fetch = "FETCH FORWARD " + std::to_string(std::max<std::size_t>(1, batch_rows)) +
                       " FROM layer_export";
    // transact retries a read once on a fresh connection; an export that has already handed
    // features out must not start again (the client would get them twice), so it fails instead.
    bool started = false;
    db.transact(ctx, access::read_only, [&](session& s) {
        if (started)
            throw unavailable("the database connection broke during the export");
        auto& txn = s.transaction();
        const auto version = combine(read_table_versions(s), l.source, ctx);
        started = true;
        on_start(version);
        txn.exec_params("DECLARE layer_export NO SCROLL CURSOR FOR " + l.items_sql, min_x, min_y,
                        max_x, max_y, no_cursor, no_limit, props,
                        pqxx::prepare::make_dynamic_params(filters));
        std::vector<std::string_view> batch;
        for (;;) {
            const auto rows = txn.exec(fetch);
            if (rows.empty())
                break;
            batch.clear();
            for (const auto& row : rows)
                batch.emplace_back(row[1].c_str(), row[1].size());
            on_batch(batch);
        }
    });
}

std::optional<std::string> layer_store::feature(database& db, const request_context& ctx,
                                                const std::string& layer, std::int64_t fid) const {
    const auto& l = find(layer);
    std::optional<std::string> out;
    db.transact(ctx, access::read_only, [&](session& s) {
        const auto rows = s.exec("item:" + layer, l.item_sql, fid);
        if (!rows.empty())
            out = rows[0][0].as<std::string>();
    });
    return out;
}

namespace {
std::optional<geo::bbox> read_extent(session& s, const layer_store::rendered_layer& l) {
    const auto row = s.exec("extent:" + l.source.id, l.extent_sql)[0];
    if (row[0].is_null())
        return std::nullopt;
    return geo::bbox{row[0].as<double>(), row[1].as<double>(), row[2].as<double>(),
                     row[3].as<double>()};
}
} // namespace

std::optional<geo::bbox> layer_store::extent(database& db, const request_context& ctx,
                                             const std::string& layer) const {
    const auto& l = find(layer);
    std::optional<geo::bbox> out;
    db.transact(ctx, access::read_only, [&](session& s) { out = read_extent(s, l); });
    return out;
}

std::map<std::string, std::optional<geo::bbox>> layer_store::extents(database& db,
                                                                     const request_context& ctx) const {
    std::map<std::string, std::optional<geo::bbox>> out;
    db.transact(ctx, access::read_only, [&](session& s) {
        for (const auto& [id, layer] : m_layers)
            out[id] = read_extent(s, layer);
    });
    return out;
}

} // namespace riskatlas::data
