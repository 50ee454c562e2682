// Loading the demo region into the database: build the Yanzhou dataset and replace the stored
// content with it in one transaction.
#pragma once

#include <cstdint>
#include <filesystem>

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/demo/yanzhou.hpp>

namespace riskatlas::demo {

/// Where the demo's input files live, relative to the source tree's root.
inline constexpr const char *yanzhou_data_subdir = "demo/data/yanzhou";

/// Builds the Yanzhou dataset from `input_dir` and writes it, replacing whatever regions,
/// enterprises, hazards and railways were stored (all or nothing). Returns the stored counts.
data::content_counts load(data::database &db, const std::filesystem::path &input_dir,
                          std::uint64_t seed = default_seed);

/// As above, with explicit generator parameters.
data::content_counts load(data::database &db, const std::filesystem::path &input_dir,
                          const yanzhou_params &params);

} // namespace riskatlas::demo
