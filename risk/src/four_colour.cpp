// Names of the four risk colours.
#include <riskatlas/risk/four_colour.hpp>

#include <array>

namespace riskatlas::risk {
namespace {
struct names {
    four_colour colour;
    std::string_view key;
    std::string_view zh;
};
constexpr std::array<names, 4> all{{{four_colour::red, "red", "重大风险"},
                                    {four_colour::orange, "orange", "较大风险"},
                                    {four_colour::yellow, "yellow", "一般风险"},
                                    {four_colour::blue, "blue", "低风险"}}};
} // namespace

std::string_view to_string(four_colour c) noexcept { return all[static_cast<std::size_t>(c)].key; }

std::string_view chinese_name(four_colour c) noexcept { return all[static_cast<std::size_t>(c)].zh; }

std::optional<four_colour> parse_four_colour(std::string_view text) noexcept {
    for (const auto& n : all)
        if (n.key == text)
            return n.colour;
    return std::nullopt;
}

} // namespace riskatlas::risk
