// The importable kinds and their fields. Aliases are the headers found in real ledgers (Chinese
// first); enumeration aliases map the words people type to the model's values. The geometry
// pseudo-fields (lon/lat/wkt) let CSV and XLSX ledgers carry positions as columns.
#include <riskatlas/ingest/kinds.hpp>

#include <algorithm>
#include <array>

#include <riskatlas/error.hpp>

namespace riskatlas::ingest {
namespace {

using aliases = std::vector<std::string>;
using value_map = std::vector<std::pair<std::string, std::string>>;

field_info text(std::string name, aliases a, std::string description, bool required = false) {
    field_info f;
    f.name = std::move(name);
    f.aliases = std::move(a);
    f.description = std::move(description);
    f.required = required;
    return f;
}

field_info key(std::string name, aliases a, std::string description) {
    field_info f = text(std::move(name), std::move(a), std::move(description), true);
    f.key = true;
    return f;
}

field_info typed(field_type type, std::string name, aliases a, std::string description,
                 std::optional<double> min = {}, std::optional<double> max = {},
                 bool required = false) {
    field_info f = text(std::move(name), std::move(a), std::move(description), required);
    f.type = type;
    f.min = min;
    f.max = max;
    return f;
}

field_info enumeration(std::string name, aliases a, std::vector<std::string> values,
                       value_map value_aliases, std::string description, bool required) {
    field_info f = text(std::move(name), std::move(a), std::move(description), required);
    f.type = field_type::enumeration;
    f.values = std::move(values);
    f.value_aliases = std::move(value_aliases);
    return f;
}

// Levels written as 一级/二级/... or 1/2/... both become integers.
value_map chinese_ordinals() {
    return {{"一级", "1"}, {"二级", "2"}, {"三级", "3"}, {"四级", "4"}, {"五级", "5"},
            {"一", "1"},   {"二", "2"},   {"三", "3"},   {"四", "4"},   {"五", "5"}};
}

field_info formatted(field_info f, std::string format) {
    f.format = std::move(format);
    return f;
}

field_info level(std::string name, aliases a, std::string description, double max) {
    field_info f = typed(field_type::integer, std::move(name), std::move(a),
                         std::move(description), 1, max);
    f.value_aliases = chinese_ordinals();
    return f;
}

void add_position_fields(std::vector<field_info> &fields) {
    fields.push_back(typed(field_type::real, "lon", {"经度", "lon", "lng", "long", "longitude", "x"},
                           "longitude or easting, when the file has no geometry column"));
    fields.push_back(typed(field_type::real, "lat", {"纬度", "lat", "latitude", "y"},
                           "latitude or northing, with lon"));
    fields.push_back(text("wkt", {"wkt", "geometry_wkt", "几何", "空间信息"},
                          "geometry as WKT, when the file has no geometry column"));
}

std::vector<field_info> enterprise_fields() {
    std::vector<field_info> f{
        formatted(key("credit_code",
                      {"统一社会信用代码", "社会信用代码", "信用代码", "uscc", "credit_code"},
                      "unified social credit code (GB 32100, check character verified)"),
                  "credit_code"),
        text("name", {"企业名称", "单位名称", "名称", "name"}, "enterprise name", true),
        formatted(text("industry_code", {"行业代码", "国民经济行业代码", "industry_code"},
                       "GB/T 4754 industry code, e.g. C2614"),
                  "industry_code"),
        text("industry_name", {"行业名称", "所属行业", "行业", "industry_name"}, "industry"),
        enumeration("supervision_category",
                    {"监管类别", "监管行业", "行业类别", "supervision_category"},
                    {"hazardous_chemicals", "coal_mine", "non_coal_mine", "industry_trade",
                     "fireworks", "construction", "gas", "transport", "oil_depot"},
                    {{"危化品", "hazardous_chemicals"}, {"危险化学品", "hazardous_chemicals"},
                     {"危化", "hazardous_chemicals"}, {"煤矿", "coal_mine"},
                     {"非煤矿山", "non_coal_mine"}, {"工贸", "industry_trade"},
                     {"冶金工贸", "industry_trade"}, {"烟花爆竹", "fireworks"},
                     {"建筑施工", "construction"}, {"燃气", "gas"}, {"交通运输", "transport"},
                     {"油库", "oil_depot"}, {"油气", "oil_depot"}},
                    "supervision category", true),
        formatted(text("township_code", {"乡镇代码", "乡镇街道代码", "township_code"},
                       "township code; found from the position when absent"),
                  "region_code"),
        formatted(text("park_code", {"园区代码", "park_code"}, "park code"), "region_code"),
        text("address", {"地址", "详细地址", "生产经营地址", "注册地址", "address"}, "address"),
        typed(field_type::integer, "workers",
              {"从业人员数", "从业人员", "职工人数", "员工人数", "workers"}, "workers", 0, 1000000),
        level("major_hazard_level", {"重大危险源等级", "危险源等级", "major_hazard_level"},
              "highest major-hazard-source level (1 highest)", 4),
        typed(field_type::text_list, "hazardous_processes",
              {"危险化工工艺", "重点监管危险化工工艺", "hazardous_processes"},
              "hazardous chemical processes, separated by 、,;|"),
        level("reaction_hazard_level", {"反应安全风险等级", "reaction_hazard_level"},
              "reaction hazard (process criticality) class", 5),
        level("standardisation_level", {"安全生产标准化等级", "标准化等级", "standardisation_level"},
              "work-safety standardisation level", 3),
        typed(field_type::boolean, "monitoring_connected",
              {"监测联网", "是否联网", "monitoring_connected"}, "monitoring connected"),
        typed(field_type::integer, "accidents_3y", {"近三年事故", "事故起数", "accidents_3y"},
              "accidents in the last three years", 0, 10000),
    };
    add_position_fields(f);
    return f;
}

std::vector<field_info> hazard_fields() {
    std::vector<field_info> f{
        key("code", {"隐患编号", "隐患编码", "编号", "code"}, "hazard number"),
        enumeration("channel", {"来源", "发现渠道", "隐患来源", "channel"},
                    {"self_report", "inspection", "public_tip"},
                    {{"企业自查", "self_report"}, {"自查自报", "self_report"},
                     {"自查", "self_report"}, {"self_check", "self_report"},
                     {"执法检查", "inspection"}, {"监督检查", "inspection"},
                     {"检查", "inspection"}, {"gov_inspection", "inspection"},
                     {"群众举报", "public_tip"}, {"举报", "public_tip"}, {"12350", "public_tip"}},
                    "how it was found", true),
        enumeration("level", {"隐患等级", "隐患级别", "等级", "level"}, {"major", "general"},
                    {{"重大", "major"}, {"重大隐患", "major"}, {"重大事故隐患", "major"},
                     {"一般", "general"}, {"一般隐患", "general"}, {"一般事故隐患", "general"}},
                    "major or general", true),
        text("category", {"隐患类别", "类别", "category"}, "category"),
        formatted(text("enterprise_credit_code",
                       {"统一社会信用代码", "企业信用代码", "enterprise_credit_code"},
                       "the enterprise's credit code (must be imported already)"),
                  "credit_code"),
        formatted(text("township_code", {"乡镇代码", "township_code"},
                       "township code; found from the position when absent"),
                  "region_code"),
        text("description", {"隐患描述", "隐患内容", "描述", "description"}, "description", true),
        typed(field_type::date, "found_on", {"发现日期", "发现时间", "排查日期", "found_on"},
              "date found", {}, {}, true),
        typed(field_type::date, "deadline", {"整改期限", "整改时限", "期限", "deadline"},
              "rectification deadline"),
        enumeration("status", {"状态", "整改状态", "status"},
                    {"reported", "verified", "rectifying", "awaiting_acceptance", "closed",
                     "rejected"},
                    {{"已上报", "reported"}, {"上报", "reported"}, {"已核实", "verified"},
                     {"整改中", "rectifying"}, {"待验收", "awaiting_acceptance"},
                     {"申请验收", "awaiting_acceptance"}, {"已销号", "closed"},
                     {"销号", "closed"}, {"已整改", "closed"}, {"已关闭", "closed"},
                     {"已驳回", "rejected"}},
                    "workflow state", true),
        typed(field_type::date, "closed_on", {"销号日期", "整改完成日期", "closed_on"},
              "date closed (required when closed)"),
    };
    add_position_fields(f);
    return f;
}

std::vector<field_info> region_fields(bool parks) {
    std::vector<field_info> f{
        formatted(key("code", {"区划代码", "行政区划代码", "园区代码", "代码", "code"},
                      "region code, 6 to 20 digits or capitals"),
                  "region_code"),
        text("name", {"名称", "区划名称", "园区名称", "name"}, "name", true),
        formatted(text("parent_code", {"上级代码", "上级区划代码", "所属区划代码", "parent_code"},
                       "code of the enclosing region"),
                  "region_code"),
    };
    if (parks)
        f.push_back(enumeration("park_type", {"园区类型", "类型", "park_type"},
                                {"chemical", "industrial"},
                                {{"化工园区", "chemical"}, {"化工", "chemical"},
                                 {"工业园区", "industrial"}, {"工业", "industrial"}},
                                "chemical or industrial park", true));
    else
        f.push_back(enumeration("kind", {"级别", "层级", "类型", "kind"},
                                {"county", "township", "village"},
                                {{"县", "county"}, {"区", "county"}, {"县区", "county"},
                                 {"乡镇", "township"}, {"街道", "township"}, {"乡", "township"},
                                 {"镇", "township"}, {"村", "village"}, {"社区", "village"},
                                 {"村居", "village"}},
                                "county, township or village", true));
    f.push_back(text("note", {"备注", "note"}, "note"));
    add_position_fields(f);
    return f;
}

field_info route_code_field() {
    return formatted(text("route_code", {"路线编码", "路线代码", "路线编号", "route_code"},
                          "route code (GB/T 917), e.g. X024370812", true),
                     "route_code");
}

field_info stake(std::string name, aliases a, std::string description) {
    return typed(field_type::stake, std::move(name), std::move(a), std::move(description), 0, {},
                 true);
}

std::vector<field_info> segment_fields() {
    auto route = route_code_field();
    route.key = true;
    auto from = stake("from_stake", {"起点桩号", "起始桩号", "起点", "from_stake"},
                      "start stake, K12+300 or metres");
    from.key = true;
    auto type = enumeration("type", {"隐患类型", "路段类型", "类型", "type"},
                            {"LSLY", "JWDP", "LXCXP", "PJLK", "CCGZ", "SJBL", "SGDF", "QLTX"},
                            {{"临水临崖", "LSLY"}, {"临水", "LSLY"}, {"临崖", "LSLY"},
                             {"急弯陡坡", "JWDP"}, {"连续长下坡", "LXCXP"}, {"平交路口", "PJLK"},
                             {"平交道口", "PJLK"}, {"穿村过镇", "CCGZ"}, {"视距不良", "SJBL"},
                             {"事故多发路段", "SGDF"}, {"事故多发", "SGDF"},
                             {"桥隧路段", "QLTX"}},
                            "segment type (rural-roads.md 3.1)", true);
    type.key = true;
    return {
        route,
        type,
        from,
        stake("to_stake", {"止点桩号", "终点桩号", "讫点桩号", "止点", "to_stake"},
              "end stake, K12+800 or metres"),
        formatted(text("township_code", {"乡镇代码", "township_code"}, "township code"),
                  "region_code"),
        text("description", {"隐患描述", "描述", "说明", "description"}, "description"),
        typed(field_type::date, "identified_at", {"排查日期", "认定日期", "identified_at"},
              "date identified", {}, {}, true),
        typed(field_type::integer, "baseline_year", {"基数年度", "基准年", "baseline_year"},
              "baseline year of the plan", 2000, 2100),
    };
}

std::vector<field_info> works_fields() {
    return {
        formatted(key("code", {"工程编号", "项目编号", "编号", "code"},
                      "works code: letters, digits, - and _"),
                  "works_code"),
        route_code_field(),
        enumeration("kind", {"工程类型", "设施类型", "类型", "kind"},
                    {"guardrail", "signs", "markings", "speed_bumps", "lighting", "other"},
                    {{"护栏", "guardrail"}, {"波形护栏", "guardrail"}, {"波形梁护栏", "guardrail"},
                     {"混凝土护栏", "guardrail"}, {"标志", "signs"}, {"标牌", "signs"},
                     {"警示标志", "signs"}, {"标线", "markings"}, {"减速带", "speed_bumps"},
                     {"照明", "lighting"}, {"路灯", "lighting"}, {"其他", "other"}},
                    "what was built", true),
        stake("from_stake", {"起点桩号", "起始桩号", "起点", "from_stake"}, "start stake"),
        stake("to_stake", {"止点桩号", "终点桩号", "讫点桩号", "止点", "to_stake"}, "end stake"),
        enumeration("status", {"状态", "工程状态", "status"},
                    {"planned", "in_works", "completed", "accepted"},
                    {{"计划", "planned"}, {"规划", "planned"}, {"未开工", "planned"},
                     {"在建", "in_works"}, {"施工中", "in_works"}, {"完工", "completed"},
                     {"已完工", "completed"}, {"已验收", "accepted"}, {"验收", "accepted"}},
                    "state of the works", true),
        typed(field_type::date, "started_on", {"开工日期", "started_on"}, "start date"),
        typed(field_type::date, "completed_on", {"完工日期", "completed_on"}, "completion date"),
        typed(field_type::date, "accepted_on", {"验收日期", "accepted_on"}, "acceptance date"),
        text("note", {"备注", "note"}, "note"),
    };
}

field_info condition_class() {
    field_info f = level("condition_class",
                         {"技术状况等级", "技术状况评定等级", "评定等级", "condition_class"},
                         "technical condition class 1-5 (JTG/T H21: 4 and 5 are danger bridges)", 5);
    f.required = true;
    for (const auto &[word, n] : value_map{{"一类", "1"}, {"二类", "2"}, {"三类", "3"}, {"四类", "4"},
                                           {"五类", "5"}})
        f.value_aliases.emplace_back(word, n);
    return f;
}

std::vector<field_info> bridge_fields() {
    std::vector<field_info> f{
        formatted(key("code", {"桥梁编码", "桥梁代码", "桥梁编号", "code"},
                      "bridge code: route code + L + sequence, e.g. X001370812L0010"),
                  "bridge_code"),
        text("name", {"桥梁名称", "名称", "name"}, "bridge name"),
        route_code_field(),
        stake("centre_stake", {"中心桩号", "桥梁中心桩号", "桩号", "centre_stake"},
              "centre stake, K12+300 or metres"),
        typed(field_type::real, "length_m", {"桥梁全长", "桥长", "全长", "length_m"},
              "length in metres", 0.01, 99999.99, true),
        typed(field_type::real, "max_span_m", {"最大跨径", "max_span_m"}, "largest span in metres",
              0.01, 99999.99),
        enumeration("structure_type", {"结构类型", "桥型", "structure_type"},
                    {"slab", "beam", "arch", "truss", "rigid_frame", "cable", "other"},
                    {{"板桥", "slab"}, {"梁桥", "beam"}, {"梁式桥", "beam"}, {"拱桥", "arch"},
                     {"桁架桥", "truss"}, {"刚构桥", "rigid_frame"}, {"斜拉桥", "cable"},
                     {"悬索桥", "cable"}, {"其他", "other"}},
                    "structure type", false),
        typed(field_type::integer, "built_year", {"建成年份", "修建年度", "建成年度", "built_year"},
              "year built", 1800, 2100),
        condition_class(),
        typed(field_type::date, "rated_at", {"评定日期", "检测日期", "rated_at"},
              "date of the rating", {}, {}, true),
        typed(field_type::real, "dr_score", {"技术状况评分", "Dr", "dr_score"}, "Dr score 0-100", 0,
              100),
        enumeration("interim_measure", {"临时措施", "管控措施", "interim_measure"},
                    {"none", "load_limit", "speed_limit", "closed", "detour"},
                    {{"无", "none"}, {"限载", "load_limit"}, {"限速", "speed_limit"},
                     {"封闭", "closed"}, {"封闭交通", "closed"}, {"绕行", "detour"}},
                    "interim measure while it is a danger bridge", false),
        enumeration("treatment", {"处治方案", "改造方式", "treatment"},
                    {"repair", "reconstruct", "demolish", "load_restrict"},
                    {{"维修加固", "repair"}, {"加固", "repair"}, {"改建", "reconstruct"},
                     {"重建", "reconstruct"}, {"拆除重建", "reconstruct"}, {"拆除", "demolish"},
                     {"限载使用", "load_restrict"}},
                    "clearing plan", false),
        typed(field_type::date, "treatment_deadline", {"处治期限", "计划完成时间", "treatment_deadline"},
              "deadline of the clearing plan"),
        typed(field_type::date, "treated_at", {"处治完成日期", "完成日期", "treated_at"},
              "date the treatment was completed"),
        enumeration("status", {"使用状态", "状态", "status"},
                    {"in_service", "restricted", "closed", "in_works", "treated", "demolished"},
                    {{"正常使用", "in_service"}, {"运营", "in_service"}, {"限制通行", "restricted"},
                     {"封闭", "closed"}, {"施工中", "in_works"}, {"已处治", "treated"},
                     {"已拆除", "demolished"}},
                    "state of use", false),
        text("note", {"备注", "note"}, "note"),
    };
    add_position_fields(f);
    return f;
}

// Pieces of a route: one line each, with its stake range. The route's fields repeat on every
// piece; admin_level is the code's prefix (the schema derives it), so a column giving it is
// checked against the code rather than stored.
std::vector<field_info> road_fields() {
    auto route = route_code_field();
    route.key = true;
    auto from = stake("from_stake", {"起点桩号", "起始桩号", "起点", "from_stake"},
                      "start stake, K12+300 or metres; when empty: the end of the route's previous "
                      "piece in the file, 0 for its first");
    from.key = true;
    from.required = false;
    auto to = stake("to_stake", {"止点桩号", "终点桩号", "讫点桩号", "止点", "to_stake"},
                    "end stake; when empty: the start plus the piece's geodesic length");
    to.required = false;
    std::vector<field_info> f{
        route,
        text("name", {"路线名称", "名称", "name"}, "route name"),
        enumeration("admin_level", {"行政等级", "行政级别", "路线等级", "admin_level"},
                    {"G", "S", "X", "Y", "C", "Z"},
                    {{"国道", "G"}, {"省道", "S"}, {"县道", "X"}, {"乡道", "Y"}, {"村道", "C"},
                     {"专用公路", "Z"}, {"专用道路", "Z"}, {"national", "G"}, {"provincial", "S"},
                     {"county", "X"}, {"township", "Y"}, {"village", "C"}, {"special", "Z"}},
                    "administrative level; must match the route code's prefix", false),
        formatted(text("township_code", {"乡镇代码", "所属乡镇代码", "管养乡镇代码", "township_code"},
                       "township code; found from the route's position when absent"),
                  "region_code"),
        typed(field_type::integer, "piece", {"分段序号", "分段号", "路段序号", "段号", "piece"},
              "piece number within the route; new pieces are numbered on when absent", 1, 999),
        from,
        to,
        text("note", {"备注", "note"}, "note on the route"),
    };
    add_position_fields(f);
    return f;
}

// Premises (DESIGN.md §3): places watched for use appearing where none should be.
std::vector<field_info> premises_fields() {
    std::vector<field_info> f{
        formatted(key("code", {"场所编号", "场所编码", "房屋编号", "编号", "code"},
                      "premises code: letters, digits, - and _"),
                  "premises_code"),
        enumeration("kind", {"场所类型", "场所类别", "类型", "类别", "kind"},
                    {"rental_house", "idle_courtyard", "abandoned_plant"},
                    {{"出租屋", "rental_house"}, {"出租房", "rental_house"},
                     {"出租房屋", "rental_house"}, {"租赁房屋", "rental_house"},
                     {"闲置院落", "idle_courtyard"}, {"闲置院子", "idle_courtyard"},
                     {"空置院落", "idle_courtyard"}, {"闲置宅院", "idle_courtyard"},
                     {"废弃厂房", "abandoned_plant"}, {"闲置厂房", "abandoned_plant"},
                     {"废旧厂房", "abandoned_plant"}, {"停产厂房", "abandoned_plant"}},
                    "rental house, idle courtyard or abandoned plant", true),
        text("name", {"场所名称", "名称", "name"}, "name"),
        text("address", {"地址", "详细地址", "房屋地址", "坐落", "address"}, "address"),
        formatted(text("township_code", {"乡镇代码", "乡镇街道代码", "township_code"},
                       "township code; found from the position when absent"),
                  "region_code"),
        enumeration("status", {"使用状态", "状态", "status"}, {"idle", "in_use", "demolished"},
                    {{"闲置", "idle"}, {"空置", "idle"}, {"空闲", "idle"}, {"在用", "in_use"},
                     {"使用中", "in_use"}, {"出租中", "in_use"}, {"已出租", "in_use"},
                     {"在租", "in_use"}, {"已拆除", "demolished"}, {"拆除", "demolished"}},
                    "idle, in use or demolished; when absent: in use for rental houses, idle "
                    "otherwise",
                    false),
        text("owner_name", {"产权人", "业主", "房东", "所有人", "权属人", "owner_name"},
             "owner (not published on the map)"),
        text("contact_name", {"联系人", "负责人", "管理人", "contact_name"},
             "contact person (not published on the map)"),
        formatted(text("contact_phone", {"联系电话", "电话", "手机", "联系方式", "contact_phone"},
                       "contact phone (not published on the map)"),
                  "phone"),
        typed(field_type::real, "area_m2", {"建筑面积", "占地面积", "面积", "area_m2"},
              "floor or plot area in square metres", 0.01, 10000000),
        text("note", {"备注", "note"}, "note"),
    };
    add_position_fields(f);
    return f;
}

struct kind_entry {
    entity_kind kind;
    std::string_view name;
    std::string_view geometry;
    bool importable;
};

constexpr std::array<kind_entry, 9> kinds{{
    {entity_kind::enterprises, "enterprises", "point", true},
    {entity_kind::parks, "parks", "polygon", true},
    {entity_kind::regions, "regions", "polygon", true},
    {entity_kind::hazards, "hazards", "point", true},
    {entity_kind::bridges, "bridges", "point", true},
    {entity_kind::road_risk_segments, "road-risk-segments", "", true},
    {entity_kind::safety_works, "safety-works", "", true},
    {entity_kind::roads, "roads", "line", true},
    {entity_kind::premises, "premises", "point", true},
}};

const kind_entry &entry(entity_kind kind) {
    return *std::find_if(kinds.begin(), kinds.end(),
                         [kind](const kind_entry &e) { return e.kind == kind; });
}

std::string_view type_name(field_type t) {
    switch (t) {
    case field_type::text:
        return "text";
    case field_type::integer:
        return "integer";
    case field_type::real:
        return "number";
    case field_type::boolean:
        return "boolean";
    case field_type::date:
        return "date";
    case field_type::enumeration:
        return "enum";
    case field_type::text_list:
        return "list";
    case field_type::stake:
        return "stake";
    }
    return "text";
}

} // namespace

std::string_view kind_name(entity_kind kind) noexcept { return entry(kind).name; }

entity_kind parse_kind(std::string_view name) {
    std::string normal(name);
    std::replace(normal.begin(), normal.end(), '_', '-');
    for (const auto &e : kinds)
        if (e.name == normal)
            return e.kind;
    std::string valid;
    for (const auto &e : kinds)
        valid += (valid.empty() ? "" : ", ") + std::string(e.name);
    throw invalid_argument("unknown_kind",
                           "unknown kind '" + std::string(name) + "'; expected one of " + valid);
}

std::vector<entity_kind> all_kinds() {
    std::vector<entity_kind> out;
    for (const auto &e : kinds)
        out.push_back(e.kind);
    return out;
}

const std::vector<field_info> &model_fields(entity_kind kind) {
    static const std::vector<field_info> enterprises = enterprise_fields();
    static const std::vector<field_info> hazards = hazard_fields();
    static const std::vector<field_info> regions = region_fields(false);
    static const std::vector<field_info> parks = region_fields(true);
    static const std::vector<field_info> segments = segment_fields();
    static const std::vector<field_info> works = works_fields();
    static const std::vector<field_info> bridges = bridge_fields();
    static const std::vector<field_info> roads = road_fields();
    static const std::vector<field_info> premises = premises_fields();
    switch (kind) {
    case entity_kind::enterprises:
        return enterprises;
    case entity_kind::hazards:
        return hazards;
    case entity_kind::regions:
        return regions;
    case entity_kind::parks:
        return parks;
    case entity_kind::road_risk_segments:
        return segments;
    case entity_kind::safety_works:
        return works;
    case entity_kind::bridges:
        return bridges;
    case entity_kind::roads:
        return roads;
    case entity_kind::premises:
        return premises;
    }
    return enterprises; // unreachable: the switch names every kind
}

std::string_view geometry_rule(entity_kind kind) noexcept { return entry(kind).geometry; }
bool importable(entity_kind kind) noexcept { return entry(kind).importable; }

nlohmann::json kinds_json() {
    auto out = nlohmann::json::array();
    for (const auto &e : kinds) {
        auto fields = nlohmann::json::array();
        for (const auto &f : model_fields(e.kind)) {
            nlohmann::json j{{"name", f.name},         {"type", type_name(f.type)},
                             {"required", f.required}, {"key", f.key},
                             {"aliases", f.aliases},   {"description", f.description}};
            if (!f.format.empty())
                j["format"] = f.format;
            if (!f.values.empty())
                j["values"] = f.values;
            if (f.min)
                j["min"] = *f.min;
            if (f.max)
                j["max"] = *f.max;
            fields.push_back(std::move(j));
        }
        out.push_back({{"kind", e.name},
                       {"geometry", e.geometry},
                       {"importable", e.importable},
                       {"fields", std::move(fields)}});
    }
    return out;
}

} // namespace riskatlas::ingest
