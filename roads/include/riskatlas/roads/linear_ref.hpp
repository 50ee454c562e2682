// Linear referencing: placing stakes on a route's geometry and back. A route is one or more pieces,
// each a polyline in projected metres with its own start and end stake, so that chain breaks
// (断链: stake ranges with no road, or stakes that jump) and re-surveyed pieces whose stake length
// differs from their drawn length are both represented.
#pragma once

#include <cstddef>
#include <vector>

namespace riskatlas::roads {

/// A position in a projected CRS, in metres, x first.
struct point {
    double x = 0;
    double y = 0;
    friend bool operator==(const point&, const point&) = default;
};

using polyline = std::vector<point>;

/// One continuous stretch of a route. Stakes are spread over the piece proportionally to its
/// geometric length: the stake halfway between from_m and to_m is halfway along the line.
struct route_piece {
    polyline line; ///< at least 2 points, in stake order (line.front() is at from_m)
    double from_m = 0;
    double to_m = 0;
};

/// A validated route. Construction throws invalid_route unless: there is at least one piece,
/// every piece has at least 2 points, finite coordinates and a positive geometric length, its
/// stakes are finite with from_m < to_m, and no two pieces' stake ranges overlap (they may touch:
/// one piece ending at K3+000 and the next starting there). Pieces are stored sorted by stake, and
/// piece indices everywhere refer to that order, i.e. to pieces().
class route {
  public:
    explicit route(std::vector<route_piece> pieces);

    const std::vector<route_piece>& pieces() const noexcept { return m_pieces; }

    /// Distance along piece `index` at each of its vertices (0 first, geometric length last).
    const std::vector<double>& vertex_distances_m(std::size_t index) const {
        return m_vertex_distances_m.at(index);
    }

    /// The geometric length of piece `index`.
    double geometric_length_m(std::size_t index) const {
        return m_vertex_distances_m.at(index).back();
    }

  private:
    std::vector<route_piece> m_pieces;
    std::vector<std::vector<double>> m_vertex_distances_m;
};

/// A stake placed on a route.
struct located_point {
    point position;
    std::size_t piece = 0;
};

/// The nearest position on a route to some point.
struct projection {
    double stake_m = 0;
    double distance_m = 0; ///< from the point to `position`
    std::size_t piece = 0;
    point position;
};

/// The point at `stake_m`. A stake where one piece ends and the next begins is placed on the
/// earlier piece. Throws stake_out_of_range, naming the stake and the route's stake ranges, when
/// no piece contains it (before the start, after the end, inside a chain break, or NaN).
located_point locate(const route& r, double stake_m);

/// The nearest point of the route to `p` (ties go to the lower piece, then the earlier segment)
/// and its stake. Never throws for finite input.
projection project(const route& r, point p);

/// The geometry of the stake range [from_m, to_m]: one polyline per piece the range crosses with
/// positive length, in stake order, skipping chain breaks. Both ends must lie on the route (else
/// stake_out_of_range, as for locate): an end inside a break usually means a wrong stake. A
/// reversed range (from_m > to_m) throws invalid_stake_range rather than being swapped, because
/// registers record direction and a swapped pair is more often a data error than a request for the
/// reverse line. from_m == to_m gives no polylines.
std::vector<polyline> extract(const route& r, double from_m, double to_m);

} // namespace riskatlas::roads
