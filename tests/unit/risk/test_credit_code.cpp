// GB 32100-2015 unified social credit codes: check character, validation, completion.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/risk/credit_code.hpp>

#include <string>

using namespace riskatlas::risk;

namespace {
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// A widely quoted code in the standard layout: 9 (market regulation) 1 (enterprise), division
// 350100 (Fuzhou), organisation code M000100Y4, check character 3.
constexpr std::string_view example = "91350100M000100Y43";
} // namespace

TEST_CASE("a real-world-format code validates", "[unit][risk]") {
    CHECK(is_valid_credit_code(example));
    CHECK(credit_code_check_character(example.substr(0, 17)) == '3');
    CHECK(complete_credit_code(example.substr(0, 17)) == example);
}

TEST_CASE("a corrupted check character is rejected", "[unit][risk]") {
    for (const char c : alphabet) {
        std::string code(example);
        code[17] = c;
        INFO(code);
        CHECK(is_valid_credit_code(code) == (c == '3'));
    }
    std::string letter_o(example);
    letter_o[17] = 'O'; // not in the alphabet (nor I, S, V, Z)
    CHECK_FALSE(is_valid_credit_code(letter_o));
}

TEST_CASE("malformed codes are rejected", "[unit][risk]") {
    CHECK_FALSE(is_valid_credit_code(""));
    CHECK_FALSE(is_valid_credit_code(example.substr(0, 17)));
    CHECK_FALSE(is_valid_credit_code(std::string(example) + "0"));
    CHECK_FALSE(is_valid_credit_code("91350100m000100y43")); // lower case
    for (const char forbidden : {'I', 'O', 'S', 'V', 'Z'}) {
        std::string body(example.substr(0, 17));
        body[10] = forbidden;
        CHECK_FALSE(credit_code_check_character(body));
    }
    CHECK_THROWS_AS(complete_credit_code("91350100M000100"), riskatlas::invalid_argument);
    CHECK_THROWS_AS(complete_credit_code("91350100M000100I4"), riskatlas::invalid_argument);
}

TEST_CASE("every single substitution and adjacent swap in the body is detected", "[unit][risk]") {
    // Weights 3^i mod 31 are distinct and non-zero and 31 is prime, so GB 32100 catches any one
    // changed character and any swap of two different neighbouring characters.
    const std::string body =
        GENERATE(std::string("91370812MA3C5TQH1Y"), std::string("12100000400000624D"),
                 std::string("91350100M000100Y43"));
    const std::string code = complete_credit_code(std::string_view(body).substr(0, 17));
    REQUIRE(is_valid_credit_code(code));
    for (std::size_t i = 0; i < 17; ++i) {
        for (const char c : alphabet) {
            if (c == code[i])
                continue;
            std::string changed = code;
            changed[i] = c;
            CHECK_FALSE(is_valid_credit_code(changed));
        }
        if (i + 1 < 17 && code[i] != code[i + 1]) {
            std::string swapped = code;
            std::swap(swapped[i], swapped[i + 1]);
            CHECK_FALSE(is_valid_credit_code(swapped));
        }
    }
}
