// The database half of an import: a typed staging table filled by COPY, the checks only the
// database can make (keys repeated in the file, references to records that do not exist), and
// the merge by natural key. Everything runs inside the caller's transaction (database::transact),
// so a failed or killed import leaves nothing behind.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <riskatlas/data/database.hpp>

namespace riskatlas::data {

struct staged_issue {
    std::int64_t row = 0;
    std::string field;
    std::string reason;
};

/// A row refused before staging, with its natural key: other rows of the file may name it (a
/// region's parent).
struct refused_key {
    std::int64_t row = 0;
    std::string key{};
};

struct merge_counts {
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
};

/// One import's staging table. `kind` is an importable kind ("enterprises", "hazards",
/// "regions", "parks", "road-risk-segments", "safety-works", "bridges", "roads", "premises");
/// `fields` are the staging columns the caller fills, in order (the kind's model fields without
/// the position pseudo-fields); the row number and geometry come first and last.
class import_stage {
  public:
    import_stage(session& s, std::string_view kind, std::vector<std::string> fields);
    ~import_stage();
    import_stage(const import_stage&) = delete;
    import_stage& operator=(const import_stage&) = delete;

    /// One row: `values` in `fields` order as text in PostgreSQL's input syntax (nullopt =
    /// NULL); `hex_wkb` the geometry in EPSG:4326 as hex WKB, nullopt for none.
    void add(std::int64_t row, const std::vector<std::optional<std::string>>& values,
             const std::optional<std::string>& hex_wkb);
    /// Ends the COPY, fills values derived from other rows (a road piece's missing stakes), and
    /// returns the staged rows the merge would refuse, by row: keys repeated in the file,
    /// missing references, and the table's rules across fields applied to each record as the
    /// merge would write it (`provided`: the fields the file carries). Rows whose parent is
    /// another row of the file that is refused (by these checks, or before staging:
    /// `refused_before`) are refused too, generation after generation, when the parent is not
    /// stored already.
    std::vector<staged_issue> check(const std::vector<std::string>& provided,
                                    const std::vector<refused_key>& refused_before = {});
    /// Removes these rows before the merge (an --accept-partial import).
    void drop(const std::vector<std::int64_t>& rows);
    /// Merges the staged rows; `provided` names the model fields the file carried ("geom" for
    /// positions): existing records keep every other field. `bulk_allowed` false (a dry run)
    /// never drops indexes, so a check does not lock the table for readers.
    merge_counts merge(const std::vector<std::string>& provided, bool bulk_allowed = true);

    struct impl;

  private:
    std::unique_ptr<impl> m_impl;
};

/// The loaded region's extent in lon/lat (min lon, min lat, max lon, max lat); nullopt when
/// no region is loaded.
struct lonlat_box {
    double min_lon, min_lat, max_lon, max_lat;
};
std::optional<lonlat_box> region_extent(database& db);

} // namespace riskatlas::data
