// Hazards: each tied to a located enterprise (busier, riskier sectors get more), placed within a
// few tens of metres of it, with a channel, a level, a category from the sector's 判定标准 or
// common topics, and dates and a status relative to the fixed reference date. Codes are numbered
// per year in order of discovery: YH370812-2026-000123.
#include "hazards.hpp"

#include "catalog.hpp"
#include "dates.hpp"
#include "local_metric.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace riskatlas::demo::detail {
namespace {

// How many hazards a sector's firm attracts relative to an industry/trade firm.
double category_weight(std::string_view category) {
    if (category == "coal_mine")
        return 6;
    if (category == "hazardous_chemicals" || category == "oil_depot")
        return 4;
    if (category == "gas" || category == "non_coal_mine" || category == "construction")
        return 2;
    return 1;
}

enum class fate { closed, open, overdue, rejected };

class hazard_factory {
  public:
    hazard_factory(const std::vector<data::enterprise_record> &enterprises,
                   const region_layout &layout, const yanzhou_params &params)
        : m_layout(layout), m_params(params), m_rng(params.seed, "hazards"),
          m_reference(parse_date(params.reference_date)) {
        for (const auto &e : enterprises) {
            if (!e.geom)
                continue; // hazards are mapped; an enterprise without a point gets none here
            m_candidates.push_back(&e);
            m_weights.push_back(category_weight(e.supervision_category) *
                                (1.0 + std::log10(1.0 + e.workers.value_or(10))));
        }
        for (const auto &[channel, share] : params.channel_shares) {
            m_channels.push_back(channel);
            m_channel_weights.push_back(share);
        }
    }

    data::hazard_record make() {
        if (m_candidates.empty())
            throw std::logic_error("no located enterprise to attach hazards to");
        const auto &e = *m_candidates[m_rng.weighted(m_weights)];
        data::hazard_record h;
        h.level = m_rng.chance(m_params.major_hazard_share) ? "major" : "general";
        // A copy: general_hazards() returns a temporary list (the texts are static).
        const hazard_text text = h.level == "major"
                                     ? m_rng.pick(major_hazards(e.supervision_category))
                                     : m_rng.pick(general_hazards(e.supervision_category));
        h.category = std::string(text.category);
        h.description = std::string(text.description);
        h.channel =
            m_channels.empty() ? "self_report" : m_channels[m_rng.weighted(m_channel_weights)];
        h.enterprise_credit_code = e.credit_code;
        h.township_code = e.township_code;
        h.generated = true;
        h.geom = geo::geometry::point(jitter(e.geom->as_lonlat()));
        set_dates(h, draw_fate(h));
        return h;
    }

  private:
    fate draw_fate(data::hazard_record &h) {
        const double u = m_rng.unit();
        const double closed = m_params.closed_share;
        const double overdue = closed + m_params.overdue_share;
        const double rejected = overdue + m_params.rejected_share;
        if (u < closed)
            return fate::closed;
        if (u < overdue)
            return fate::overdue;
        if (u < rejected) {
            if (m_rng.chance(0.7)) // rejections are mostly unverifiable public tips
                h.channel = "public_tip";
            return fate::rejected;
        }
        return fate::open;
    }

    // Deadlines follow local practice: general hazards within 7/15/30 days, major ones by their
    // rectification plan (2-6 months).
    int draw_term_days(const data::hazard_record &h) {
        static constexpr std::array<int, 3> general{7, 15, 30};
        static constexpr std::array<int, 4> major{60, 90, 120, 180};
        return h.level == "major" ? m_rng.pick(major) : m_rng.pick(general);
    }

    void set_dates(data::hazard_record &h, fate f) {
        using std::chrono::days;
        const int term = draw_term_days(h);
        days found_ago{0};
        switch (f) {
        case fate::closed:
            found_ago = days{m_rng.between(5, m_params.history_days)};
            break;
        case fate::open:
            found_ago = days{m_rng.between(0, term - 1)};
            break;
        case fate::overdue:
            found_ago = days{term + m_rng.between(1, 120)};
            break;
        case fate::rejected:
            found_ago = days{m_rng.between(1, m_params.history_days)};
            break;
        }
        const auto found = m_reference - found_ago;
        h.found_on = format_date(found);
        if (f != fate::rejected)
            h.deadline = format_date(found + days{term});
        h.status = status_for(f);
        if (f == fate::closed) {
            const int took =
                m_rng.chance(0.08) ? term + m_rng.between(1, 20) : m_rng.between(0, term);
            h.closed_on = format_date(std::min(found + days{took}, m_reference));
        }
    }

    std::string status_for(fate f) {
        static constexpr std::array<const char *, 4> open{"reported", "verified", "rectifying",
                                                          "awaiting_acceptance"};
        static constexpr std::array<double, 4> open_weights{0.15, 0.20, 0.50, 0.15};
        static constexpr std::array<double, 4> overdue_weights{0.10, 0.20, 0.70, 0.0};
        switch (f) {
        case fate::closed:
            return "closed";
        case fate::rejected:
            return "rejected";
        case fate::open:
            return open[m_rng.weighted(open_weights)];
        case fate::overdue:
            return open[m_rng.weighted(overdue_weights)];
        }
        return "reported";
    }

    // Uniform in a disc of radius hazard_jitter_m; a point falling outside the district (an
    // enterprise on the boundary) stays on the enterprise.
    geo::lonlat jitter(geo::lonlat at) {
        const double r = m_params.hazard_jitter_m * std::sqrt(m_rng.unit());
        const double a = 2 * std::numbers::pi * m_rng.unit();
        const auto p = offset_m(at, r * std::cos(a), r * std::sin(a));
        return m_layout.county.contains(p) ? p : at;
    }

    const region_layout &m_layout;
    const yanzhou_params &m_params;
    prng m_rng;
    date m_reference;
    std::vector<const data::enterprise_record *> m_candidates;
    std::vector<double> m_weights;
    std::vector<std::string> m_channels;
    std::vector<double> m_channel_weights;
};

// Numbers hazards per year of discovery, in order of discovery.
// stable_sort keeps generation order among hazards found on the same day.
void assign_codes(std::vector<data::hazard_record> &hazards) {
    std::stable_sort(hazards.begin(), hazards.end(), [](const auto &a, const auto &b) {
        return a.found_on < b.found_on; // ISO dates sort as text
    });
    std::string year;
    int sequence = 0;
    for (auto &h : hazards) {
        const std::string y = h.found_on.substr(0, 4);
        sequence = y == year ? sequence + 1 : 1;
        year = y;
        char code[40];
        std::snprintf(code, sizeof code, "YH370812-%s-%06d", y.c_str(), sequence);
        h.code = code;
    }
}

} // namespace

std::vector<data::hazard_record>
build_hazards(const std::vector<data::enterprise_record> &enterprises, const region_layout &layout,
              const yanzhou_params &params) {
    hazard_factory factory(enterprises, layout, params);
    std::vector<data::hazard_record> out;
    for (int i = 0; i < params.hazards; ++i)
        out.push_back(factory.make());
    assign_codes(out);
    return out;
}

} // namespace riskatlas::demo::detail
