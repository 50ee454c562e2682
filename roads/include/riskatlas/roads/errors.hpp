// Typed errors of the roads module. All are caller mistakes (bad text, bad stakes, bad geometry),
// so they derive from riskatlas::invalid_argument and each carries one stable code token.
#pragma once

#include <riskatlas/error.hpp>

#include <string>

namespace riskatlas::roads {

/// A stake text is not of the form `K<km>+<mmm>[.<fraction>]`, or a stake value cannot be
/// formatted (negative, not finite, too large). Code "invalid_stake".
class invalid_stake : public invalid_argument {
  public:
    explicit invalid_stake(const std::string& message)
        : invalid_argument("invalid_stake", message) {}
};

/// A route code does not follow GB/T 917-2017 (prefix + number + optional area code).
/// Code "invalid_route_code".
class invalid_route_code : public invalid_argument {
  public:
    explicit invalid_route_code(const std::string& message)
        : invalid_argument("invalid_route_code", message) {}
};

/// A stake range is reversed (from > to), negative or not finite. Code "invalid_stake_range".
class invalid_stake_range : public invalid_argument {
  public:
    explicit invalid_stake_range(const std::string& message)
        : invalid_argument("invalid_stake_range", message) {}
};

/// A route's pieces are unusable for linear referencing (too few points, overlapping stake
/// ranges, zero length...). Code "invalid_route".
class invalid_route : public invalid_argument {
  public:
    explicit invalid_route(const std::string& message)
        : invalid_argument("invalid_route", message) {}
};

/// A stake lies outside every piece of a route (beyond its ends or inside a chain break, 断链).
/// Code "stake_out_of_range".
class stake_out_of_range : public invalid_argument {
  public:
    explicit stake_out_of_range(const std::string& message)
        : invalid_argument("stake_out_of_range", message) {}
};

} // namespace riskatlas::roads
