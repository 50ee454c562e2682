// GB 32100-2015 check character: weights 3^i mod 31, check = 31 - (sum mod 31), 31 -> 0.
#include <riskatlas/risk/credit_code.hpp>

#include <riskatlas/error.hpp>

#include <array>

namespace riskatlas::risk {
namespace {
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> weights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
} // namespace

std::optional<char> credit_code_check_character(std::string_view first17) noexcept {
    if (first17.size() != 17)
        return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const auto pos = alphabet.find(first17[i]);
        if (pos == std::string_view::npos)
            return std::nullopt;
        sum += static_cast<int>(pos) * weights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return alphabet[static_cast<std::size_t>(check)];
}

bool is_valid_credit_code(std::string_view code) noexcept {
    if (code.size() != 18)
        return false;
    const auto check = credit_code_check_character(code.substr(0, 17));
    return check && *check == code[17];
}

std::string complete_credit_code(std::string_view first17) {
    const auto check = credit_code_check_character(first17);
    if (!check)
        throw invalid_argument("invalid_credit_code",
                               "credit code body must be 17 characters of the GB 32100 alphabet");
    return std::string(first17) + *check;
}

} // namespace riskatlas::risk
