// The Yanzhou demo dataset: determinism, counts, geometry of the derived townships, and the
// rules every generated record must satisfy (the schema's CHECKs and our own).
#include <catch2/catch.hpp>

#include <riskatlas/demo/yanzhou.hpp>
#include <riskatlas/risk/credit_code.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace riskatlas;

namespace {

const std::string input_dir = std::string(RISKATLAS_SOURCE_DIR) + "/demo/data/yanzhou";

const data::demo_dataset &dataset() {
    static const data::demo_dataset d = demo::build_yanzhou(input_dir);
    return d;
}

const data::region_record &county() {
    for (const auto &r : dataset().regions)
        if (r.kind == "county")
            return r;
    throw std::logic_error("no county");
}

std::vector<const data::region_record *> of_kind(const std::string &kind) {
    std::vector<const data::region_record *> out;
    for (const auto &r : dataset().regions)
        if (r.kind == kind)
            out.push_back(&r);
    return out;
}

const data::region_record *township_containing(const geo::geometry &point) {
    for (const auto *t : of_kind("township"))
        if (t->geom.covers(point))
            return t;
    return nullptr;
}

// Hand-written matchers: std::regex trips GCC 12's -Wmaybe-uninitialized at -O2 (-Werror).
bool all_of(std::string_view s, bool (*accept)(char)) {
    return std::all_of(s.begin(), s.end(), accept);
}
bool digit(char c) { return c >= '0' && c <= '9'; }
bool digit_or_upper(char c) { return digit(c) || (c >= 'A' && c <= 'Z'); }

// ^[0-9A-Z]{6,20}$ (regions.code)
bool is_region_code(std::string_view s) {
    return s.size() >= 6 && s.size() <= 20 && all_of(s, digit_or_upper);
}
// ^[A-T][0-9]{0,4}$ (enterprises.industry_code)
bool is_industry_code(std::string_view s) {
    return !s.empty() && s.size() <= 5 && s[0] >= 'A' && s[0] <= 'T' && all_of(s.substr(1), digit);
}
// YH370812-YYYY-NNNNNN
bool is_hazard_code(std::string_view s) {
    return s.size() == 20 && s.starts_with("YH370812-20") && all_of(s.substr(11, 2), digit) &&
           s[13] == '-' && all_of(s.substr(14), digit);
}

double metres(geo::lonlat a, geo::lonlat b) {
    const double k = std::cos(a.lat * 3.14159265358979 / 180.0);
    return std::hypot((a.lon - b.lon) * 111320.0 * k, (a.lat - b.lat) * 110574.0);
}

} // namespace

TEST_CASE("the same seed builds an identical dataset", "[unit][demo]") {
    const auto again = demo::build_yanzhou(input_dir);
    CHECK(again == dataset());
    const auto other = demo::build_yanzhou(input_dir, demo::default_seed + 1);
    CHECK_FALSE(other == dataset());
    // the real parts do not depend on the seed
    CHECK(other.regions.front() == dataset().regions.front());
    CHECK(other.railways == dataset().railways);
}

TEST_CASE("counts", "[unit][demo]") {
    const demo::yanzhou_params params;
    CHECK(of_kind("county").size() == 1);
    CHECK(of_kind("township").size() == 10);
    CHECK(of_kind("village").size() == 440);
    CHECK(of_kind("park").size() == params.parks.size());
    int generated = params.unlocated_enterprises;
    for (const auto &[category, n] : params.generated_enterprises)
        generated += n;
    CHECK(dataset().enterprises.size() ==
          params.named.size() + static_cast<std::size_t>(generated));
    CHECK(dataset().hazards.size() == static_cast<std::size_t>(params.hazards));
    CHECK(dataset().railways.size() == 1);
}

TEST_CASE("region codes and hierarchy", "[unit][demo]") {
    std::set<std::string> codes;
    for (const auto &r : dataset().regions) {
        INFO(r.code << " " << r.name);
        CHECK(is_region_code(r.code));
        CHECK(codes.insert(r.code).second);
        CHECK(r.geom.is_valid());
        CHECK((r.kind == "village") == (r.geom.type_name() == "Point"));
        CHECK((r.kind == "park") == r.park_type.has_value());
    }
    CHECK(county().code == "370812000000");
    CHECK(county().name == "兖州区");
    CHECK_FALSE(county().approximate);
    for (const auto *t : of_kind("township")) {
        CHECK(t->parent_code == county().code);
        CHECK(t->approximate);
        CHECK(t->note);
    }
    std::set<std::string> townships;
    for (const auto *t : of_kind("township"))
        townships.insert(t->code);
    for (const auto *v : of_kind("village")) {
        REQUIRE(v->parent_code);
        CHECK(townships.contains(*v->parent_code));
    }
}

TEST_CASE("township cells are valid and tile the district", "[unit][demo]") {
    const auto &district = county().geom;
    const auto cells = of_kind("township");
    double total = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto &cell = cells[i]->geom;
        INFO(cells[i]->name);
        CHECK(cell.is_valid());
        CHECK(cell.is_polygonal());
        CHECK(cell.area() > 0);
        // inside the district (up to floating-point noise on the shared boundary)
        CHECK(cell.intersection(district).area() == Approx(cell.area()).epsilon(1e-9));
        total += cell.area();
        for (std::size_t j = i + 1; j < cells.size(); ++j)
            CHECK(cell.intersection(cells[j]->geom).area() < 1e-6 * district.area());
    }
    CHECK(std::abs(total - district.area()) < 0.001 * district.area());
}

TEST_CASE("the two streets without a seat are placed at their villages' mean", "[unit][demo]") {
    for (const auto *t : of_kind("township")) {
        if (t->name != "龙桥街道办事处" && t->name != "酒仙桥街道办事处")
            continue;
        INFO(t->name);
        REQUIRE(t->note);
        CHECK(t->note->find(t->name == "龙桥街道办事处" ? "5 个" : "2 个") != std::string::npos);
    }
}

TEST_CASE("villages: real points or placed inside their township", "[unit][demo]") {
    std::map<std::string, const data::region_record *> townships;
    for (const auto *t : of_kind("township"))
        townships[t->code] = t;
    int located = 0;
    for (const auto *v : of_kind("village")) {
        if (!v->approximate) {
            ++located;
            continue;
        }
        CHECK(townships.at(*v->parent_code)->geom.contains(v->geom));
    }
    CHECK(located == 43); // rows with Amap coordinates in the divisions CSV
}

TEST_CASE("parks lie in the district and name their township", "[unit][demo]") {
    for (const auto *p : of_kind("park")) {
        INFO(p->name);
        CHECK(p->generated);
        CHECK(p->approximate);
        CHECK(county().geom.covers(p->geom));
        const auto *t = township_containing(p->geom.point_on_surface());
        REQUIRE(t);
        CHECK(p->parent_code == t->code);
        const double km2 =
            p->geom.area() * 111320.0 * std::cos(35.56 * 3.14159265 / 180) * 110574.0 / 1e6;
        if (p->park_type == "chemical") {
            CHECK(p->name == "兖州化工产业园");
            CHECK(km2 > 8);
            CHECK(km2 < 12);
        }
    }
}

TEST_CASE("enterprises satisfy the schema and sit where they say", "[unit][demo]") {
    const std::set<std::string> categories{
        "hazardous_chemicals", "coal_mine", "non_coal_mine", "industry_trade", "fireworks",
        "construction",        "gas",       "transport",     "oil_depot"};
    std::set<std::string> codes, names;
    int without_location = 0;
    for (const auto &e : dataset().enterprises) {
        INFO(e.name);
        CHECK(risk::is_valid_credit_code(e.credit_code));
        CHECK(codes.insert(e.credit_code).second);
        CHECK(names.insert(e.name).second);
        CHECK(categories.contains(e.supervision_category));
        REQUIRE(e.industry_code);
        CHECK(is_industry_code(*e.industry_code));
        CHECK(e.workers.value_or(0) >= 0);
        CHECK(e.major_hazard_level.value_or(1) >= 1);
        CHECK(e.major_hazard_level.value_or(4) <= 4);
        CHECK(e.reaction_hazard_level.value_or(1) >= 1);
        CHECK(e.reaction_hazard_level.value_or(5) <= 5);
        CHECK(e.standardisation_level.value_or(1) >= 1);
        CHECK(e.standardisation_level.value_or(3) <= 3);
        CHECK(e.township_code);
        if (!e.geom) {
            ++without_location;
            continue;
        }
        CHECK(county().geom.contains(*e.geom));
        const auto *t = township_containing(*e.geom);
        REQUIRE(t);
        CHECK(e.township_code == t->code);
        if (e.park_code) {
            bool inside = false;
            for (const auto *p : of_kind("park"))
                inside = inside || (p->code == *e.park_code && p->geom.contains(*e.geom));
            CHECK(inside);
        }
    }
    CHECK(without_location == demo::yanzhou_params().unlocated_enterprises);
}

TEST_CASE("the enterprises named in the district plan are present", "[unit][demo]") {
    std::map<std::string, const data::enterprise_record *> by_name;
    for (const auto &e : dataset().enterprises)
        by_name[e.name] = &e;
    for (const auto &spec : demo::default_named()) {
        INFO(spec.name);
        REQUIRE(by_name.contains(spec.name));
        const auto &e = *by_name.at(spec.name);
        CHECK(e.supervision_category == spec.supervision_category);
        CHECK(e.approximate);
        CHECK_FALSE(e.generated);
        CHECK(e.geom);
    }
    for (const char *name :
         {"山东兖矿国际焦化有限公司", "山东华胜能源有限公司", "济宁市兖州区银泉精细化工有限公司",
          "山东百盛生物科技有限公司", "凯米拉化学品（兖州）有限公司",
          "凯米拉天成万丰化学品（兖州）有限公司"}) {
        INFO(name);
        REQUIRE(by_name.contains(name));
        CHECK(by_name.at(name)->park_code == "P370812001"); // in the chemical park
    }
    CHECK(by_name.at("兴隆庄煤矿")->township_code == "370812110000");
    CHECK(by_name.at("新驿煤矿")->township_code == "370812102000");
    CHECK(by_name.at("兖州油库")->supervision_category == "oil_depot");
}

TEST_CASE("hazards satisfy the schema and the reference date", "[unit][demo]") {
    const demo::yanzhou_params params;
    std::map<std::string, const data::enterprise_record *> enterprises;
    for (const auto &e : dataset().enterprises)
        enterprises[e.credit_code] = &e;
    std::set<std::string> codes;
    int major = 0, overdue = 0, open = 0;
    std::map<std::string, int> channels;
    for (const auto &h : dataset().hazards) {
        INFO(h.code);
        CHECK(is_hazard_code(h.code));
        CHECK(codes.insert(h.code).second);
        CHECK(h.generated);
        CHECK(h.found_on <= params.reference_date);
        if (h.deadline)
            CHECK(*h.deadline >= h.found_on);
        CHECK((h.status == "closed") == h.closed_on.has_value());
        if (h.closed_on) {
            CHECK(*h.closed_on >= h.found_on);
            CHECK(*h.closed_on <= params.reference_date);
        }
        const bool is_open = h.status != "closed" && h.status != "rejected";
        open += is_open;
        overdue += is_open && h.deadline && *h.deadline < params.reference_date;
        major += h.level == "major";
        channels[h.channel]++;
        REQUIRE(h.enterprise_credit_code);
        const auto &e = *enterprises.at(*h.enterprise_credit_code);
        CHECK(h.township_code == e.township_code);
        REQUIRE(h.geom);
        REQUIRE(e.geom);
        CHECK(county().geom.contains(*h.geom));
        CHECK(metres(h.geom->as_lonlat(), e.geom->as_lonlat()) < 50);
    }
    const double n = static_cast<double>(dataset().hazards.size());
    CHECK(major / n > 0.02);
    CHECK(major / n < 0.09);
    CHECK(overdue > 0);
    CHECK(open > overdue);
    CHECK(channels["self_report"] > channels["inspection"]);
    CHECK(channels["inspection"] > channels["public_tip"]);
    CHECK(channels["public_tip"] > 0);
}

TEST_CASE("a bad input directory is reported, not crashed on", "[unit][demo]") {
    CHECK_THROWS_AS(demo::build_yanzhou("/nonexistent/riskatlas/demo"), riskatlas::error);
}
