// The generated road network: county roads (X) joining the real township seats along a spanning
// tree plus a few loops, township roads (Y) from each seat out to its far villages, village roads
// (C) between neighbouring villages, and meandering streams across the district. Lines are
// gently curved in a local metric frame, then converted to WGS84. Codes carry the district's
// area code 370812 (GB/T 917-2017); some routes start at non-zero stakes, some have a chain break.
#include "road_network.hpp"

#include "local_metric.hpp"

#include <riskatlas/prng.hpp>
#include <riskatlas/roads/route_code.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace riskatlas::demo::detail {

local_frame::local_frame(geo::lonlat origin)
    : m_origin(origin), m_m_per_deg_lon(metres_per_degree_lon(origin.lat)) {}

xy local_frame::to_xy(geo::lonlat p) const {
    return {(p.lon - m_origin.lon) * m_m_per_deg_lon, (p.lat - m_origin.lat) * metres_per_degree_lat};
}

geo::lonlat local_frame::to_lonlat(xy p) const {
    return {m_origin.lon + p.x / m_m_per_deg_lon, m_origin.lat + p.y / metres_per_degree_lat};
}

geo::geometry local_frame::to_line(const line_xy &line) const {
    std::string wkt = "LINESTRING (";
    char buf[64];
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto p = to_lonlat(line[i]);
        std::snprintf(buf, sizeof buf, "%s%.8f %.8f", i ? ", " : "", p.lon, p.lat);
        wkt += buf;
    }
    return geo::geometry::from_wkt(wkt + ")");
}

double length_m(const line_xy &line) {
    double total = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    return total;
}

namespace {

constexpr const char *area_code = "370812";
constexpr const char *generated_note =
    "生成数据：演示区无公开道路数据。Generated: no public road geometry exists for the district.";

double distance(xy a, xy b) { return std::hypot(b.x - a.x, b.y - a.y); }

// A road from a to b: the straight line bent by three sine terms that vanish at both ends
// (so it still meets its end points), vertices every ~250 m, with a few metres of noise.
line_xy curved_line(xy a, xy b, prng &rng) {
    const double len = distance(a, b);
    const int n = std::max(2, static_cast<int>(std::ceil(len / 250.0)));
    const xy normal{-(b.y - a.y) / len, (b.x - a.x) / len};
    std::array<double, 3> amp{};
    for (std::size_t k = 0; k < amp.size(); ++k)
        amp[k] = (rng.unit() * 2 - 1) * std::min(700.0, 0.06 * len) / static_cast<double>(k + 1);
    line_xy out;
    for (int i = 0; i <= n; ++i) {
        const double t = static_cast<double>(i) / n;
        double off = 0;
        for (std::size_t k = 0; k < amp.size(); ++k)
            off += amp[k] * std::sin(static_cast<double>(k + 1) * std::numbers::pi * t);
        if (i > 0 && i < n)
            off += (rng.unit() * 2 - 1) * 6;
        out.push_back({a.x + (b.x - a.x) * t + normal.x * off, a.y + (b.y - a.y) * t + normal.y * off});
    }
    return out;
}

// A stream entering the district's box from the north or east and wandering south-west (the
// district's rivers, e.g. 泗河, run that way), 300 m per step, until it leaves the box.
line_xy stream_line(xy lo, xy hi, prng &rng) {
    const bool from_north = rng.chance(0.6);
    xy p = from_north ? xy{lo.x + (hi.x - lo.x) * (0.2 + 0.7 * rng.unit()), hi.y}
                      : xy{hi.x, lo.y + (hi.y - lo.y) * (0.3 + 0.6 * rng.unit())};
    const double mean = -std::numbers::pi * (0.62 + 0.12 * rng.unit()); // about south-west
    double heading = mean;
    line_xy out{p};
    for (int step = 0; step < 400; ++step) {
        heading += (rng.unit() * 2 - 1) * 0.35 + 0.15 * (mean - heading);
        p = {p.x + 300 * std::cos(heading), p.y + 300 * std::sin(heading)};
        out.push_back(p);
        if (p.x < lo.x - 2000 || p.y < lo.y - 2000 || p.x > hi.x + 2000)
            break;
    }
    return out;
}

struct place {
    std::string code;
    std::string name;
    std::string township_code;
    xy at;
};

class network_builder {
  public:
    network_builder(const yanzhou_params &params, const local_frame &frame)
        : m_params(params), m_frame(frame), m_rng(params.seed, "roads") {}

    void add_route(char prefix, const place &from, const place &to, const std::string &suffix,
                   std::optional<std::string> township) {
        int &counter = m_counters[prefix];
        char number[16];
        std::snprintf(number, sizeof number, "%c%03d", prefix, ++counter);
        const auto code = roads::parse_route_code(std::string(number) + area_code).text;
        data::road_route_record r{code, from.name + "—" + to.name + suffix,
                                  std::string(1, prefix), area_code, std::move(township), true,
                                  generated_note};
        m_out.routes.push_back(std::move(r));
        add_pieces(code, curved_line(from.at, to.at, m_rng));
    }

    data::road_dataset take() { return std::move(m_out); }
    std::vector<line_xy> m_piece_lines;

  private:
    // Most routes start at K0+000; some continue another road's stakes. Long routes sometimes
    // have a chain break (断链): the second piece's stakes jump ahead of the first's end.
    void add_pieces(const std::string &code, const line_xy &line) {
        double start = m_rng.chance(0.2) ? 100.0 * m_rng.between(1, 50) : 0.0;
        std::vector<line_xy> parts{line};
        if (length_m(line) > 3000 && line.size() > 6 && m_rng.chance(0.15)) {
            const auto mid = static_cast<std::ptrdiff_t>(line.size() / 2);
            parts = {line_xy(line.begin(), line.begin() + mid + 1), line_xy(line.begin() + mid, line.end())};
        }
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const double len = std::round(length_m(parts[i]));
            m_out.pieces.push_back({code, static_cast<int>(i + 1), start, start + len,
                                    m_frame.to_line(parts[i])});
            m_piece_lines.push_back(parts[i]);
            start += len + 10.0 * m_rng.between(3, 30); // the break, when there is a next piece
        }
    }

    const yanzhou_params &m_params;
    const local_frame &m_frame;
    prng m_rng;
    std::map<char, int> m_counters;
    data::road_dataset m_out;
};

std::vector<place> township_seats(const yanzhou_inputs &inputs, const std::vector<place> &villages,
                                  const local_frame &frame) {
    std::vector<place> seats;
    for (const auto &t : inputs.townships) {
        xy at{};
        if (t.seat_wgs84) {
            at = frame.to_xy(*t.seat_wgs84);
        } else { // as regions.cpp does: the mean of the township's villages
            int n = 0;
            for (const auto &v : villages)
                if (v.township_code == t.code) {
                    at.x += v.at.x, at.y += v.at.y, ++n;
                }
            if (n == 0)
                continue;
            at = {at.x / n, at.y / n};
        }
        seats.push_back({t.code, t.name, t.code, at});
    }
    return seats;
}

// Prim's spanning tree over the seats, then the shortest few other pairs as loops.
std::vector<std::pair<std::size_t, std::size_t>> county_links(const std::vector<place> &seats) {
    std::vector<std::pair<std::size_t, std::size_t>> links;
    std::vector<bool> in(seats.size(), false);
    if (seats.empty())
        return links;
    in[0] = true;
    for (std::size_t added = 1; added < seats.size(); ++added) {
        double best = 1e18;
        std::pair<std::size_t, std::size_t> link{0, 0};
        for (std::size_t i = 0; i < seats.size(); ++i)
            for (std::size_t j = 0; j < seats.size(); ++j)
                if (in[i] && !in[j] && distance(seats[i].at, seats[j].at) < best)
                    best = distance(seats[i].at, seats[j].at), link = {i, j};
        in[link.second] = true;
        links.push_back(link);
    }
    std::vector<std::pair<double, std::pair<std::size_t, std::size_t>>> others;
    for (std::size_t i = 0; i < seats.size(); ++i)
        for (std::size_t j = i + 1; j < seats.size(); ++j)
            if (std::ranges::find(links, std::pair{i, j}) == links.end() &&
                std::ranges::find(links, std::pair{j, i}) == links.end())
                others.push_back({distance(seats[i].at, seats[j].at), {i, j}});
    std::ranges::sort(others);
    for (std::size_t k = 0; k < std::min<std::size_t>(3, others.size()); ++k)
        links.push_back(others[k].second);
    return links;
}

// Per township, the farthest village in each third of the compass around the seat.
void add_township_roads(network_builder &b, const place &seat, const std::vector<place> &villages) {
    std::array<const place *, 3> far{};
    for (const auto &v : villages) {
        if (v.township_code != seat.township_code || distance(v.at, seat.at) < 1500)
            continue;
        const double angle = std::atan2(v.at.y - seat.at.y, v.at.x - seat.at.x) + std::numbers::pi;
        const auto sector = std::min<std::size_t>(2, static_cast<std::size_t>(angle / (2 * std::numbers::pi / 3)));
        if (!far[sector] || distance(v.at, seat.at) > distance(far[sector]->at, seat.at))
            far[sector] = &v;
    }
    for (const auto *v : far)
        if (v)
            b.add_route('Y', seat, *v, "乡道", seat.township_code);
}

} // namespace

data::road_dataset build_road_routes(const yanzhou_inputs &inputs, const data::demo_dataset &base,
                                     const yanzhou_params &params, const local_frame &frame,
                                     std::vector<line_xy> &piece_lines,
                                     std::vector<line_xy> &stream_lines) {
    std::vector<place> villages;
    for (const auto &r : base.regions)
        if (r.kind == "village")
            villages.push_back({r.code, r.name, r.parent_code.value_or(""), frame.to_xy(r.geom.as_lonlat())});
    const auto seats = township_seats(inputs, villages, frame);

    network_builder b(params, frame);
    for (const auto &[i, j] : county_links(seats))
        b.add_route('X', seats[i], seats[j], "线", std::nullopt);
    for (const auto &seat : seats)
        add_township_roads(b, seat, villages);
    // Village roads: every other village (in a seeded order) to its nearest unlinked neighbour.
    prng rng(params.seed, "village_roads");
    std::vector<std::size_t> order(villages.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    rng.shuffle(order);
    std::vector<bool> linked(villages.size(), false);
    int made = 0;
    for (const auto i : order) {
        if (made >= params.village_roads || linked[i])
            continue;
        std::optional<std::size_t> best;
        for (std::size_t j = 0; j < villages.size(); ++j) {
            const double d = distance(villages[i].at, villages[j].at);
            if (j != i && !linked[j] && d > 500 && d < 3500 &&
                (!best || d < distance(villages[i].at, villages[*best].at)))
                best = j;
        }
        if (!best)
            continue;
        linked[i] = linked[*best] = true;
        b.add_route('C', villages[i], villages[*best], "村道", villages[i].township_code);
        ++made;
    }
    piece_lines = b.m_piece_lines;
    auto out = b.take();

    // Streams over the villages' extent.
    xy lo{1e18, 1e18}, hi{-1e18, -1e18};
    for (const auto &v : villages)
        lo = {std::min(lo.x, v.at.x), std::min(lo.y, v.at.y)}, hi = {std::max(hi.x, v.at.x), std::max(hi.y, v.at.y)};
    prng water(params.seed, "streams");
    static const std::array<const char *, 8> names{"沙河", "小泗河", "黄沟河", "杨家河", "白马沟", "涝沟", "西支渠", "东排沟"};
    for (int k = 0; k < params.streams; ++k) {
        auto line = stream_line(lo, hi, water);
        const bool river = k < 2;
        out.waterways.push_back({std::string(names[static_cast<std::size_t>(k) % names.size()]) + "（生成）",
                                 river ? "river" : "stream", true, generated_note, frame.to_line(line)});
        stream_lines.push_back(std::move(line));
    }
    return out;
}

} // namespace riskatlas::demo::detail
