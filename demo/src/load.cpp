// Building the demo and writing it in one transaction.
#include <riskatlas/demo/demo.hpp>

namespace riskatlas::demo {

data::content_counts load(data::database &db, const std::filesystem::path &input_dir,
                          const yanzhou_params &params) {
    // Build completely before touching the database: a bad input never opens a transaction.
    const auto dataset = build_yanzhou(input_dir, params);
    return data::replace_demo_content(db, dataset);
}

data::content_counts load(data::database &db, const std::filesystem::path &input_dir,
                          std::uint64_t seed) {
    yanzhou_params params;
    params.seed = seed;
    return load(db, input_dir, params);
}

} // namespace riskatlas::demo
