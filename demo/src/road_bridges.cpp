// Generated bridges (one where a road piece crosses a stream) with a condition-class mix that
// includes danger bridges (4/5) already treated, in hand, overdue and without interim measure,
// and an inspection history; and the safety works planned over the derived risky segments.
#include "road_network.hpp"

#include "dates.hpp"

#include <riskatlas/prng.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace riskatlas::demo::detail {
namespace {

struct crossing {
    std::size_t piece = 0;
    std::size_t stream = 0;
    double along_m = 0; ///< from the start of the piece's line
    xy at;
};

std::vector<crossing> crossings(const std::vector<line_xy> &pieces, const std::vector<line_xy> &streams) {
    std::vector<crossing> out;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
        double along = 0;
        for (std::size_t i = 1; i < pieces[p].size(); ++i) {
            const xy a = pieces[p][i - 1], b = pieces[p][i];
            const double seg = std::hypot(b.x - a.x, b.y - a.y);
            for (std::size_t s = 0; s < streams.size(); ++s)
                for (std::size_t j = 1; j < streams[s].size(); ++j) {
                    const xy c = streams[s][j - 1], d = streams[s][j];
                    const double den = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x);
                    if (std::abs(den) < 1e-9)
                        continue;
                    const double t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / den;
                    const double u = ((c.x - a.x) * (b.y - a.y) - (c.y - a.y) * (b.x - a.x)) / den;
                    if (t >= 0 && t < 1 && u >= 0 && u < 1)
                        out.push_back({p, s, along + t * seg, {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}});
                }
            along += seg;
        }
    }
    return out;
}

double dr_for_class(int condition_class, prng &rng) {
    static constexpr std::array<double, 6> lo{0, 95, 80, 60, 40, 15};
    static constexpr std::array<double, 6> hi{0, 100, 94.9, 79.9, 59.9, 39.9};
    const auto k = static_cast<std::size_t>(condition_class);
    return std::round((lo[k] + rng.unit() * (hi[k] - lo[k])) * 10) / 10;
}

void add_history(data::road_dataset &roads, const data::bridge_record &b, date rated, prng &rng) {
    int cls = b.condition_class;
    date when = rated;
    const int older = rng.between(1, 3);
    roads.inspections.push_back({b.code, format_date(rated), "periodic", cls, b.dr_score, std::nullopt});
    for (int k = 0; k < older; ++k) {
        when -= std::chrono::days(rng.between(900, 1095)); // periodic: at most every 3 years
        cls = std::max(1, cls - (rng.chance(0.5) ? 1 : 0)); // it was no worse before
        roads.inspections.push_back({b.code, format_date(when), "periodic", cls, dr_for_class(cls, rng), std::nullopt});
    }
}

// Class 4/5: a plan, a deadline a year after rating, and a fate relative to the reference date.
void set_danger_fate(data::bridge_record &b, date rated, date today, prng &rng) {
    static const std::array<const char *, 4> treatments{"reconstruct", "repair", "demolish", "load_restrict"};
    b.treatment = b.condition_class == 5 ? "reconstruct" : treatments[rng.index(treatments.size())];
    const date deadline = rated + std::chrono::days(365);
    b.treatment_deadline = format_date(deadline);
    const double u = rng.unit();
    const auto days_since = (today - rated).count();
    if (u < 0.35 && days_since > 60) { // treated already
        b.treated_at = format_date(rated + std::chrono::days(rng.between(30, static_cast<int>(std::min<long>(days_since, 360)))));
        b.status = b.treatment == "demolish" ? "demolished" : "treated";
        return;
    }
    static const std::array<const char *, 4> measures{"load_limit", "speed_limit", "closed", "detour"};
    b.interim_measure = u > 0.95 ? "none" : measures[rng.index(measures.size())];
    b.status = b.interim_measure == "closed" ? "closed" : (rng.chance(0.5) ? "in_works" : "restricted");
}

} // namespace

void add_bridges(data::road_dataset &roads, const std::vector<line_xy> &piece_lines,
                 const std::vector<line_xy> &stream_lines, const yanzhou_params &params,
                 const local_frame &frame) {
    prng rng(params.seed, "bridges");
    const date today = parse_date(params.reference_date);
    std::map<std::string, int> sequence;
    static const std::array<const char *, 4> structures{"slab", "beam", "arch", "rigid_frame"};
    for (const auto &c : crossings(piece_lines, stream_lines)) {
        const auto &piece = roads.pieces[c.piece];
        data::bridge_record b;
        char seq[16];
        std::snprintf(seq, sizeof seq, "L%04d", 10 * ++sequence[piece.route_code]);
        b.code = piece.route_code + seq;
        const auto &stream = roads.waterways[c.stream];
        b.name = stream.name.value_or("河").substr(0, stream.name.value_or("河").find("（")) + piece.route_code.substr(0, 4) + "桥";
        b.route_code = piece.route_code;
        const double len = length_m(piece_lines[c.piece]);
        b.centre_m = std::round(piece.from_m + (piece.to_m - piece.from_m) * c.along_m / len);
        const bool river = stream.kind == "river";
        b.length_m = river ? rng.between(40, 160) : rng.between(8, 40);
        b.max_span_m = std::round(b.length_m / rng.between(1, river ? 8 : 3) * 10) / 10;
        b.structure_type = structures[rng.index(structures.size())];
        b.built_year = rng.between(1972, 2020);
        static constexpr std::array<double, 5> class_weights{0.25, 0.40, 0.20, 0.11, 0.04};
        b.condition_class = static_cast<int>(rng.weighted(class_weights)) + 1;
        const date rated = today - std::chrono::days(rng.between(20, 1000));
        b.rated_at = format_date(rated);
        b.dr_score = dr_for_class(b.condition_class, rng);
        if (b.condition_class >= 4)
            set_danger_fate(b, rated, today, rng);
        b.generated = true;
        b.geom = geo::geometry::point(frame.to_lonlat(c.at));
        add_history(roads, b, rated, rng);
        roads.bridges.push_back(std::move(b));
    }
}

std::vector<data::safety_works_record>
plan_works(const std::vector<data::risk_segment_record> &segments,
           const std::vector<data::road_piece_record> &pieces, const yanzhou_params &params) {
    prng rng(params.seed, "works");
    const date today = parse_date(params.reference_date);
    std::vector<data::safety_works_record> out;
    static const std::array<const char *, 5> kinds{"guardrail", "signs", "markings", "speed_bumps", "lighting"};
    const auto add = [&](const std::string &route, double from_m, double to_m) {
        data::safety_works_record w;
        char code[40];
        std::snprintf(code, sizeof code, "AF370812-%04zu", out.size() + 1);
        w.code = code;
        w.route_code = route;
        w.kind = kinds[rng.index(kinds.size())];
        w.from_m = std::round(from_m * 100) / 100;
        w.to_m = std::round(to_m * 100) / 100;
        static constexpr std::array<double, 4> status_weights{0.15, 0.15, 0.30, 0.40};
        static const std::array<const char *, 4> statuses{"planned", "in_works", "completed", "accepted"};
        w.status = statuses[rng.weighted(status_weights)];
        const date accepted = today - std::chrono::days(rng.between(5, 500));
        const date completed = accepted - std::chrono::days(rng.between(10, 60));
        const date started = completed - std::chrono::days(rng.between(20, 120));
        if (w.status != "planned")
            w.started_on = format_date(w.status == "in_works" ? today - std::chrono::days(rng.between(5, 90)) : started);
        if (w.status == "completed" || w.status == "accepted")
            w.completed_on = format_date(completed);
        if (w.status == "accepted")
            w.accepted_on = format_date(accepted);
        w.generated = true;
        out.push_back(std::move(w));
    };
    for (const auto &s : segments) {
        if (s.to_m - s.from_m < 20 || !rng.chance(params.works_share))
            continue;
        const double mid = (s.from_m + s.to_m) / 2;
        const double u = rng.unit();
        if (u < 0.5) {
            add(s.route_code, s.from_m, s.to_m); // the whole segment
        } else if (u < 0.7) {
            add(s.route_code, s.from_m, s.from_m + 0.6 * (s.to_m - s.from_m)); // a part: a gap remains
        } else if (u < 0.85) { // two overlapping works (counted once)
            add(s.route_code, s.from_m, mid + 5);
            add(s.route_code, mid - 5, s.to_m);
        } else { // two adjacent works
            add(s.route_code, s.from_m, mid);
            add(s.route_code, mid, s.to_m);
        }
    }
    // A few works away from any derived segment (e.g. signs on a straight stretch): the first
    // 150 m of some pieces (always on the route).
    for (std::size_t i = 0; i < pieces.size(); i += 37)
        if (pieces[i].to_m - pieces[i].from_m > 300)
            add(pieces[i].route_code, pieces[i].from_m, pieces[i].from_m + 150);
    return out;
}

} // namespace riskatlas::demo::detail
