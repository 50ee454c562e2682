// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
// 31-character alphabet, the last being a check character over the first 17.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskatlas::risk {

/// The check character for the first 17 characters, or nullopt if they are not all in the
/// GB 32100 alphabet (digits and upper-case letters without I, O, S, V, Z).
std::optional<char> credit_code_check_character(std::string_view first17) noexcept;

/// True when `code` has 18 valid characters and a correct check character.
bool is_valid_credit_code(std::string_view code) noexcept;

/// Appends the check character to a 17-character body (used by generators and tests).
std::string complete_credit_code(std::string_view first17);

} // namespace riskatlas::risk
