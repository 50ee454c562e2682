// A geometry value (GEOS underneath, hidden behind a pimpl) with the operations the importer and
// the demo generator need: WKT/WKB in and out, validity and repair, measures and overlays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <riskatlas/error.hpp>
#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/geo/gcj02.hpp>

namespace riskatlas::geo {

/// The geometry could not be parsed, or an operation on it failed (GEOS reported an error).
class invalid_geometry : public invalid_argument {
  public:
    explicit invalid_geometry(const std::string &message)
        : invalid_argument("invalid_geometry", message) {}
};

/// How make_valid repairs polygons (the two GEOS/PostGIS methods).
enum class repair_method {
    linework,  ///< keeps every vertex and edge; collapsed parts survive as lines or points
    structure, ///< rebuilds polygons from their rings (outer minus holes); drops collapsed parts
};

/// An immutable-by-convention geometry in whatever CRS its coordinates are in (we use lon/lat,
/// x first). Copying clones; moving is cheap. A moved-from geometry may only be assigned to or
/// destroyed. Not safe for concurrent use of one object from several threads; distinct objects
/// are independent (each thread has its own GEOS context).
class geometry {
  public:
    /// An empty geometry collection.
    geometry();
    ~geometry();
    geometry(const geometry &other);
    geometry(geometry &&other) noexcept;
    geometry &operator=(const geometry &other);
    geometry &operator=(geometry &&other) noexcept;

    /// Parses OGC WKT ("POLYGON ((...))"); throws invalid_geometry naming the problem.
    static geometry from_wkt(std::string_view wkt);
    /// Parses (ISO or extended) WKB bytes; throws invalid_geometry.
    static geometry from_wkb(std::span<const std::byte> wkb);
    static geometry from_wkb(std::string_view wkb_bytes);
    /// Parses hex-encoded WKB (as PostGIS prints it); throws invalid_geometry.
    static geometry from_hex_wkb(std::string_view hex);
    static geometry point(lonlat p);
    /// A polygon from one exterior ring; the ring is closed if its last point differs from the
    /// first. Validity is not checked (ask is_valid()).
    static geometry polygon(std::span<const lonlat> exterior);

    /// WKT with `decimals` digits after the point, trailing zeros trimmed.
    std::string to_wkt(int decimals = 7) const;
    /// Little-endian ISO WKB (2D unless the geometry has Z), as raw bytes in a string.
    std::string to_wkb() const;
    /// The same WKB, upper-case hex (what PostGIS's ST_GeomFromWKB(decode(..., 'hex')) reads).
    std::string to_hex_wkb() const;

    /// "Point", "Polygon", "MultiPolygon", ... (the OGC name).
    std::string type_name() const;
    bool is_empty() const;
    bool is_polygonal() const; ///< Polygon or MultiPolygon
    std::size_t num_geometries() const;

    bool is_valid() const;
    /// Why the geometry is invalid (GEOS's reason, e.g. "Self-intersection[1 1]"), or nullopt
    /// when it is valid.
    std::optional<std::string> invalid_reason() const;
    /// A valid geometry covering the same points; a valid input is returned unchanged.
    geometry make_valid(repair_method method = repair_method::linework) const;

    /// The same structure with every coordinate replaced by `map(x, y)`; nullopt from `map`
    /// (a point outside the transformation's domain) makes it throw invalid_geometry.
    geometry transformed(const std::function<std::optional<lonlat>(double x, double y)> &map) const;
    /// Consecutive vertices closer than `tolerance` merged (0: exact duplicates only).
    geometry without_repeated_points(double tolerance = 0) const;
    /// The number of coordinates in all parts.
    std::size_t num_points() const;

    /// Planar area in squared CRS units (degrees² for lon/lat; use it for ratios, not km²).
    double area() const;
    /// The bounding box; throws invalid_geometry for an empty geometry.
    bbox envelope() const;
    /// True when the point lies in the interior (a point on the boundary is not contained).
    bool contains(lonlat p) const;
    bool contains(const geometry &other) const;
    bool covers(const geometry &other) const;
    bool intersects(const geometry &other) const;
    geometry intersection(const geometry &other) const;
    /// The polygonal parts only (an overlay of polygons can add slivers of lines or points);
    /// an empty polygon if there are none.
    geometry polygonal_part() const;
    geometry centroid() const;
    /// A point guaranteed to lie on the geometry (inside a polygon even if it is concave).
    geometry point_on_surface() const;
    /// The coordinates of a Point; throws invalid_geometry for any other type or an empty point.
    lonlat as_lonlat() const;

    /// Same type, same structure and bitwise-equal coordinates (not topological equality).
    friend bool operator==(const geometry &a, const geometry &b);

    struct impl; // GEOS handle owner, defined in geo/src

  private:
    explicit geometry(std::unique_ptr<impl> p);
    friend struct geometry_access;
    std::unique_ptr<impl> m_impl;
};

/// The Voronoi cell of each seed, clipped to `clip`, in seed order (cells[i] belongs to
/// seeds[i]). Distances are measured after multiplying x by `x_scale`: for lon/lat pass
/// cos(mean latitude) so that the cells follow ground distance rather than degrees (the cell
/// edges stay straight lines either way). Cells are polygonal; a seed outside `clip` may get an
/// empty cell. Throws invalid_argument when two seeds coincide or x_scale is not positive,
/// invalid_geometry when GEOS fails.
std::vector<geometry> voronoi_cells(std::span<const lonlat> seeds, const geometry &clip,
                                    double x_scale = 1.0);

/// `n` points uniformly distributed inside `polygon` (rejection sampling in its envelope),
/// fully determined by `seed` on every platform (own xoshiro256** generator, no std::
/// distributions). Throws invalid_geometry unless `polygon` is a non-empty, non-degenerate
/// Polygon/MultiPolygon.
std::vector<lonlat> random_points_in(const geometry &polygon, std::size_t n, std::uint64_t seed);

} // namespace riskatlas::geo
