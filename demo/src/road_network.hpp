// Stage 4 of the Yanzhou generator: a plausible rural road network (no public road geometry
// exists for the district), generated streams, bridges where the two cross, and safety works
// planned over the risky segments the database derives. Everything is marked generated.
#pragma once

#include "inputs.hpp"

#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/roads_store.hpp>
#include <riskatlas/demo/yanzhou.hpp>

#include <vector>

namespace riskatlas::demo::detail {

/// A position in the district's local metric frame (metres east and north of its centre).
struct xy {
    double x = 0;
    double y = 0;
};
using line_xy = std::vector<xy>;

/// Equirectangular frame about one reference point: exact enough at district scale.
class local_frame {
  public:
    explicit local_frame(geo::lonlat origin);
    xy to_xy(geo::lonlat p) const;
    geo::lonlat to_lonlat(xy p) const;
    geo::geometry to_line(const line_xy &line) const;

  private:
    geo::lonlat m_origin;
    double m_m_per_deg_lon;
};

double length_m(const line_xy &line);

/// Routes, pieces and waterways (bridges come from bridges_where_crossing).
data::road_dataset build_road_routes(const yanzhou_inputs &inputs,
                                     const data::demo_dataset &base, const yanzhou_params &params,
                                     const local_frame &frame, std::vector<line_xy> &piece_lines,
                                     std::vector<line_xy> &stream_lines);

/// Bridges and their inspection history where pieces cross streams.
void add_bridges(data::road_dataset &roads, const std::vector<line_xy> &piece_lines,
                 const std::vector<line_xy> &stream_lines, const yanzhou_params &params,
                 const local_frame &frame);

/// Works over a share of the derived segments: exact, partial, overlapping and adjacent ones,
/// and a few outside any segment (on `pieces`), with mixed statuses.
std::vector<data::safety_works_record>
plan_works(const std::vector<data::risk_segment_record> &segments,
           const std::vector<data::road_piece_record> &pieces, const yanzhou_params &params);

} // namespace riskatlas::demo::detail
