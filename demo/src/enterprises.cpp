// Enterprises: the ones the district plan names, then generated firms per supervision category,
// placed in parks or anywhere in the district, each located in the township cell (and park) that
// contains it. Attribute distributions below are demo assumptions, not statistics.
#include "enterprises.hpp"

#include "catalog.hpp"

#include <riskatlas/risk/credit_code.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace riskatlas::demo::detail {
namespace {

constexpr std::string_view credit_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Workers per category: min + (max - min) * u², so most firms are small.
struct worker_range {
    std::string_view category;
    int min, max;
};
constexpr std::array<worker_range, 9> worker_ranges{{{"industry_trade", 8, 420},
                                                     {"hazardous_chemicals", 12, 650},
                                                     {"construction", 20, 350},
                                                     {"gas", 10, 160},
                                                     {"transport", 6, 220},
                                                     {"fireworks", 2, 12},
                                                     {"non_coal_mine", 10, 90},
                                                     {"coal_mine", 1500, 5200},
                                                     {"oil_depot", 25, 80}}};

// Major hazard source level 1..4 (GB 18218; 1 most severe) when a firm has one.
constexpr std::array<double, 4> major_level_weights{0.06, 0.18, 0.36, 0.40};
// Reaction hazard level 1..5 for firms running key processes.
constexpr std::array<double, 5> reaction_level_weights{0.30, 0.35, 0.22, 0.10, 0.03};
// Processes rarely found in a county park get a lower weight (光气, 电解, 合成氨, 裂解, 氟化,
// 电石).
constexpr std::array<double, 18> process_weights{1, 1, 3, 3, 1, 1, 1, 3, 3,
                                                 3, 3, 3, 3, 3, 3, 3, 1, 3};

// Firms the plan names are the district's big ones: they draw from the top two thirds.
int draw_workers(prng &rng, std::string_view category, bool prominent) {
    for (const auto &r : worker_ranges)
        if (r.category == category) {
            const double u = rng.unit();
            const double f = prominent ? 0.35 + 0.65 * u : u * u;
            return r.min + static_cast<int>(std::lround((r.max - r.min) * f));
        }
    return rng.between(5, 100);
}

double major_source_share(std::string_view category, bool producer, bool prominent) {
    if (category == "hazardous_chemicals")
        return prominent ? 0.85 : producer ? 0.55 : 0.20;
    if (category == "oil_depot")
        return 1.0;
    if (category == "gas")
        return 0.25;
    if (category == "fireworks")
        return 0.10;
    return 0.0;
}

std::optional<int> draw_standardisation(prng &rng, std::string_view category) {
    if (category == "hazardous_chemicals" || category == "coal_mine" || category == "oil_depot") {
        constexpr std::array<double, 3> w{0.08, 0.37, 0.55};
        return static_cast<int>(rng.weighted(w)) + 1;
    }
    if (category == "industry_trade" || category == "non_coal_mine")
        return rng.chance(0.6) ? std::optional<int>(rng.chance(0.2) ? 2 : 3) : std::nullopt;
    return rng.chance(0.3) ? std::optional<int>(3) : std::nullopt;
}

std::vector<std::string> draw_processes(prng &rng) {
    std::vector<std::string> out;
    const int n = rng.chance(0.7) ? 1 : 2;
    while (static_cast<int>(out.size()) < n) {
        std::string p(hazardous_processes()[rng.weighted(process_weights)]);
        if (std::find(out.begin(), out.end(), p) == out.end())
            out.push_back(std::move(p));
    }
    return out;
}

// Generated attributes (everything but identity and position). `prominent`: named in the plan.
void fill_attributes(data::enterprise_record &e, bool producer, bool prominent, prng &rng) {
    const std::string_view category = e.supervision_category;
    e.workers = draw_workers(rng, category, prominent);
    if (rng.chance(major_source_share(category, producer, prominent)))
        e.major_hazard_level = static_cast<int>(rng.weighted(major_level_weights)) + 1;
    if (producer && e.hazardous_processes.empty() && rng.chance(0.65))
        e.hazardous_processes = draw_processes(rng);
    if (!e.hazardous_processes.empty())
        e.reaction_hazard_level = static_cast<int>(rng.weighted(reaction_level_weights)) + 1;
    e.standardisation_level = draw_standardisation(rng, category);
    e.monitoring_connected =
        category == "coal_mine" || (e.major_hazard_level ? rng.chance(0.9) : rng.chance(0.03));
    constexpr std::array<double, 3> accident_weights{0.90, 0.08, 0.02};
    e.accidents_3y = static_cast<int>(rng.weighted(accident_weights));
}

// "鼓楼街道办事处" -> "鼓楼街道", "韦园社区居委会" -> "韦园社区": the short forms used in
// addresses.
std::string short_name(std::string name) {
    for (const std::string_view suffix : {"办事处", "居委会", "村委会", "委员会"})
        if (name.size() > suffix.size() && name.ends_with(suffix))
            return name.substr(0, name.size() - suffix.size());
    return name;
}

class placer {
  public:
    placer(const region_layout &layout, prng &rng) : m_layout(layout), m_rng(rng) {}

    geo::lonlat point_in(const geo::geometry &shape) {
        return geo::random_points_in(shape, 1, m_rng.next()).front();
    }

    // Township, park and address of an enterprise at `p` (which lies inside the district).
    void locate(data::enterprise_record &e, geo::lonlat p) {
        const area *township = m_layout.township_at(p);
        const area *park = m_layout.park_at(p);
        if (township == nullptr)
            throw std::logic_error("enterprise placed outside every township");
        e.township_code = township->code;
        if (park)
            e.park_code = park->code;
        e.address = address(*township, park);
        e.geom = geo::geometry::point(p);
    }

    std::string address(const area &township, const area *park) {
        std::string place = park ? park->name : short_name(m_rng.pick(village_names(township)));
        return "山东省济宁市兖州区" + short_name(township.name) + place;
    }

  private:
    const std::vector<std::string> &village_names(const area &township) const {
        const auto it = m_layout.village_names.find(township.code);
        static const std::vector<std::string> none{""};
        return it == m_layout.village_names.end() || it->second.empty() ? none : it->second;
    }

    const region_layout &m_layout;
    prng &m_rng;
};

class enterprise_factory {
  public:
    enterprise_factory(const region_layout &layout, const yanzhou_params &params)
        : m_layout(layout), m_params(params), m_rng(params.seed, "enterprises"),
          m_placer(layout, m_rng) {}

    void add_named(std::vector<data::enterprise_record> &out) {
        for (const auto &spec : m_params.named) {
            data::enterprise_record e = blank(spec.name, spec.supervision_category);
            e.industry_code = spec.industry_code;
            e.industry_name = spec.industry_name;
            e.hazardous_processes = spec.hazardous_processes;
            e.approximate = true; // a real enterprise placed approximately
            m_placer.locate(e, m_placer.point_in(m_layout.find(spec.place).shape));
            fill_attributes(e, spec.industry_code.starts_with("C2"), true, m_rng);
            out.push_back(std::move(e));
        }
    }

    void add_generated(std::vector<data::enterprise_record> &out) {
        for (const auto category : supervision_categories()) {
            const auto it = m_params.generated_enterprises.find(std::string(category));
            const int count = it == m_params.generated_enterprises.end() ? 0 : it->second;
            for (int i = 0; i < count; ++i)
                out.push_back(generated(category, true));
        }
        for (int i = 0; i < m_params.unlocated_enterprises; ++i)
            out.push_back(generated("industry_trade", false));
    }

  private:
    data::enterprise_record blank(std::string name, std::string_view category) {
        data::enterprise_record e;
        e.credit_code = unique_credit_code();
        e.name = std::move(name);
        e.supervision_category = std::string(category);
        return e;
    }

    data::enterprise_record generated(std::string_view category, bool located) {
        const auto &option = m_rng.pick(industries_of(category));
        data::enterprise_record e = blank(unique_name(option.name_word), category);
        e.industry_code = std::string(option.code);
        e.industry_name = std::string(option.industry);
        e.generated = true;
        if (located) {
            m_placer.locate(e, m_placer.point_in(where(category, option)));
        } else { // an address not yet geocoded: a township but no point
            const area &township = m_rng.pick(m_layout.townships);
            e.township_code = township.code;
            e.address = m_placer.address(township, nullptr);
        }
        fill_attributes(e, option.produces_chemicals, false, m_rng);
        return e;
    }

    const geo::geometry &where(std::string_view category, const industry_option &option) {
        const auto parks_of = [&](std::string_view type) {
            std::vector<const area *> found;
            for (const auto &spec : m_params.parks)
                if (spec.park_type == type)
                    found.push_back(&m_layout.find(spec.code));
            return found;
        };
        std::vector<const area *> candidates;
        if (category == "hazardous_chemicals" && option.produces_chemicals &&
            m_rng.chance(m_params.chemicals_in_chemical_park))
            candidates = parks_of("chemical");
        else if (category == "industry_trade" && m_rng.chance(m_params.industry_trade_in_parks))
            candidates = parks_of("industrial");
        return candidates.empty() ? m_layout.county : m_rng.pick(candidates)->shape;
    }

    std::string unique_name(std::string_view word) {
        constexpr std::array<std::string_view, 3> prefixes{"兖州区", "济宁市兖州区", "山东"};
        constexpr std::array<double, 3> prefix_weights{0.55, 0.3, 0.15};
        for (int attempt = 0; attempt < 1000; ++attempt) {
            std::string name(prefixes[m_rng.weighted(prefix_weights)]);
            name += m_rng.pick(trade_names());
            name += word;
            name += "有限公司";
            if (m_names.insert(name).second)
                return name;
        }
        // Only a demo scaled far beyond the district (benchmarks) gets here: number branches.
        for (std::size_t branch = 2;; ++branch) {
            std::string name = "兖州区" + std::string(m_rng.pick(trade_names())) + std::string(word) +
                               "有限公司第" + std::to_string(branch) + "分公司";
            if (m_names.insert(name).second)
                return name;
        }
    }

    std::string unique_credit_code() {
        while (true) {
            auto code = make_credit_code(m_rng, "370812");
            if (m_codes.insert(code).second)
                return code;
        }
    }

    const region_layout &m_layout;
    const yanzhou_params &m_params;
    prng m_rng;
    placer m_placer;
    std::set<std::string> m_names;
    std::set<std::string> m_codes;
};

// GB 11714-1997 check character of an 8-character organisation code body.
char organisation_check(std::string_view body) {
    constexpr std::array<int, 8> weights{3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const char c = body[i];
        const int value = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
        sum += value * weights[i];
    }
    const int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

} // namespace

std::string make_credit_code(prng &rng, std::string_view division6) {
    std::string org = "MA";
    while (org.size() < 8)
        org.push_back(credit_alphabet[rng.index(credit_alphabet.size())]);
    org.push_back(organisation_check(org));
    return risk::complete_credit_code("91" + std::string(division6) + org);
}

std::vector<data::enterprise_record> build_enterprises(const region_layout &layout,
                                                       const yanzhou_params &params) {
    std::vector<data::enterprise_record> out;
    enterprise_factory factory(layout, params);
    factory.add_named(out);
    factory.add_generated(out);
    return out;
}

} // namespace riskatlas::demo::detail
