// Stage 2 of the Yanzhou generator: the enterprises named in the district plan (real names,
// approximate positions, generated attributes) and the generated ones.
#pragma once

#include "regions.hpp"

namespace riskatlas::demo::detail {

std::vector<data::enterprise_record> build_enterprises(const region_layout &layout,
                                                       const yanzhou_params &params);

/// A GB 32100 credit code in the real-world layout: 9 (registered by market regulation) 1
/// (enterprise) + the 6-digit division code + a 9-character organisation code (8 + its GB 11714
/// check character) + the GB 32100 check character. The organisation part starts with "MA",
/// as codes issued since 2015 do.
std::string make_credit_code(prng &rng, std::string_view division6);

} // namespace riskatlas::demo::detail
