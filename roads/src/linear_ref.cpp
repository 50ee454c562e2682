// Linear referencing on a multi-piece route: stake -> point by proportional interpolation along
// each piece's geometric length, point -> stake by nearest segment, stake range -> polylines.
#include <riskatlas/roads/linear_ref.hpp>

#include "stake_text.hpp"

#include <riskatlas/roads/errors.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace riskatlas::roads {
namespace {

std::string piece_name(std::size_t index, const route_piece& piece) {
    return "route piece " + std::to_string(index) + " " +
           detail::describe_range(piece.from_m, piece.to_m);
}

// Distance along the line at each vertex; throws for lines we cannot interpolate on.
std::vector<double> vertex_distances(std::size_t index, const route_piece& piece) {
    if (piece.line.size() < 2)
        throw invalid_route(piece_name(index, piece) + " has " + std::to_string(piece.line.size()) +
                            " point(s); at least 2 needed");
    std::vector<double> distances{0.0};
    for (std::size_t i = 1; i < piece.line.size(); ++i) {
        const point& a = piece.line[i - 1];
        const point& b = piece.line[i];
        if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(a.x) ||
            !std::isfinite(a.y))
            throw invalid_route(piece_name(index, piece) + " has a non-finite coordinate");
        distances.push_back(distances.back() + std::hypot(b.x - a.x, b.y - a.y));
    }
    if (!(distances.back() > 0))
        throw invalid_route(piece_name(index, piece) + " has zero geometric length");
    return distances;
}

void check_stakes(std::size_t index, const route_piece& piece) {
    if (!std::isfinite(piece.from_m) || !std::isfinite(piece.to_m) || !(piece.from_m < piece.to_m))
        throw invalid_route(piece_name(index, piece) +
                            " must have finite stakes with start before end");
}

std::string describe_ranges(const route& r) {
    std::string text;
    for (const route_piece& piece : r.pieces())
        text += (text.empty() ? "" : ", ") + detail::describe_range(piece.from_m, piece.to_m);
    return text;
}

// The first piece whose range contains the stake, or throws.
std::size_t piece_at(const route& r, double stake_m) {
    const auto& pieces = r.pieces();
    const auto it =
        std::lower_bound(pieces.begin(), pieces.end(), stake_m,
                         [](const route_piece& piece, double s) { return piece.to_m < s; });
    if (it == pieces.end() || !(it->from_m <= stake_m))
        throw stake_out_of_range("stake " + detail::describe_stake(stake_m) +
                                 " is not on the route, whose stake ranges are " +
                                 describe_ranges(r));
    return static_cast<std::size_t>(it - pieces.begin());
}

// Distance along piece `index` of a stake inside its range, by proportion.
double distance_along(const route& r, std::size_t index, double stake_m) {
    const route_piece& piece = r.pieces()[index];
    const double fraction = (stake_m - piece.from_m) / (piece.to_m - piece.from_m);
    return fraction * r.geometric_length_m(index);
}

point point_along(const route& r, std::size_t index, double distance_m) {
    const polyline& line = r.pieces()[index].line;
    const std::vector<double>& at = r.vertex_distances_m(index);
    if (distance_m <= 0)
        return line.front();
    const auto next = std::upper_bound(at.begin(), at.end(), distance_m);
    if (next == at.end())
        return line.back();
    const auto i = static_cast<std::size_t>(next - at.begin());
    // at[i] > distance_m >= at[i - 1], so the segment has positive length.
    const double t = (distance_m - at[i - 1]) / (at[i] - at[i - 1]);
    const point& a = line[i - 1];
    const point& b = line[i];
    return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

// The part of piece `index` between two distances along it (d0 < d1).
polyline sub_line(const route& r, std::size_t index, double d0, double d1) {
    const polyline& line = r.pieces()[index].line;
    const std::vector<double>& at = r.vertex_distances_m(index);
    polyline out{point_along(r, index, d0)};
    for (std::size_t i = 0; i < line.size(); ++i)
        if (at[i] > d0 && at[i] < d1)
            out.push_back(line[i]);
    out.push_back(point_along(r, index, d1));
    return out;
}

} // namespace

route::route(std::vector<route_piece> pieces) : m_pieces(std::move(pieces)) {
    if (m_pieces.empty())
        throw invalid_route("a route needs at least one piece");
    std::stable_sort(
        m_pieces.begin(), m_pieces.end(),
        [](const route_piece& a, const route_piece& b) { return a.from_m < b.from_m; });
    for (std::size_t i = 0; i < m_pieces.size(); ++i) {
        check_stakes(i, m_pieces[i]);
        m_vertex_distances_m.push_back(vertex_distances(i, m_pieces[i]));
        if (i > 0 && m_pieces[i].from_m < m_pieces[i - 1].to_m)
            throw invalid_route(
                "route pieces overlap: " +
                detail::describe_range(m_pieces[i - 1].from_m, m_pieces[i - 1].to_m) + " and " +
                detail::describe_range(m_pieces[i].from_m, m_pieces[i].to_m));
    }
}

located_point locate(const route& r, double stake_m) {
    const std::size_t index = piece_at(r, stake_m);
    return {point_along(r, index, distance_along(r, index, stake_m)), index};
}

projection project(const route& r, point p) {
    projection best;
    best.distance_m = std::numeric_limits<double>::infinity();
    for (std::size_t index = 0; index < r.pieces().size(); ++index) {
        const route_piece& piece = r.pieces()[index];
        const std::vector<double>& at = r.vertex_distances_m(index);
        for (std::size_t i = 1; i < piece.line.size(); ++i) {
            const point& a = piece.line[i - 1];
            const point& b = piece.line[i];
            const double dx = b.x - a.x;
            const double dy = b.y - a.y;
            const double length2 = dx * dx + dy * dy;
            const double t =
                length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0)
                            : 0.0;
            const point q{a.x + t * dx, a.y + t * dy};
            const double distance_m = std::hypot(p.x - q.x, p.y - q.y);
            if (distance_m < best.distance_m) {
                const double along_m = at[i - 1] + t * (at[i] - at[i - 1]);
                best = {piece.from_m + along_m / at.back() * (piece.to_m - piece.from_m),
                        distance_m, index, q};
            }
        }
    }
    return best;
}

std::vector<polyline> extract(const route& r, double from_m, double to_m) {
    if (from_m > to_m)
        throw invalid_stake_range("stake range " + detail::describe_range(from_m, to_m) +
                                  " is reversed (from > to)");
    const std::size_t first = piece_at(r, from_m);
    const std::size_t last = piece_at(r, to_m);
    std::vector<polyline> out;
    for (std::size_t index = first; index <= last; ++index) {
        const route_piece& piece = r.pieces()[index];
        const double lo = std::max(from_m, piece.from_m);
        const double hi = std::min(to_m, piece.to_m);
        if (lo < hi)
            out.push_back(
                sub_line(r, index, distance_along(r, index, lo), distance_along(r, index, hi)));
    }
    return out;
}

} // namespace riskatlas::roads
