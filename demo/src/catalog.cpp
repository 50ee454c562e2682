// The generator's word lists. Industry classes follow GB/T 4754-2017; major-hazard items follow
// the 判定标准 named in ../shared/domain/hazards-ledger.md (HG2017 = 安监总管三〔2017〕121号,
// MK2020 = 应急管理部令第4号 煤矿, GM2023 = 应急管理部令第10号 工贸, 2022 = 住建部 房屋市政工程).
#include "catalog.hpp"

#include <map>
#include <string>

namespace riskatlas::demo::detail {
namespace {

using options = std::vector<industry_option>;
using texts = std::vector<hazard_text>;

const std::map<std::string_view, options> &industries() {
    static const std::map<std::string_view, options> table{
        {"industry_trade",
         {{"机械制造", "C3484", "机械零部件加工"},
          {"纺织", "C1711", "棉纺纱加工"},
          {"面粉", "C1312", "小麦加工"},
          {"饲料", "C1329", "其他饲料加工"},
          {"木业", "C2021", "胶合板制造"},
          {"橡胶制品", "C2919", "其他橡胶制品制造"},
          {"铸造", "C3391", "黑色金属铸造"},
          {"纸业", "C2221", "机制纸及纸板制造"},
          {"包装印刷", "C2319", "包装装潢及其他印刷"},
          {"家具", "C2110", "木质家具制造"},
          {"轴承", "C3451", "滚动轴承制造"},
          {"钢结构", "C3311", "金属结构制造"},
          {"塑料制品", "C2929", "塑料零件及其他塑料制品制造"},
          {"建材", "C3021", "水泥制品制造"},
          {"食品", "C1499", "其他未列明食品制造"},
          {"冷藏", "G5960", "低温仓储"}}},
        {"hazardous_chemicals",
         {{"化工", "C2614", "有机化学原料制造", true},
          {"精细化工", "C2669", "其他专用化学产品制造", true},
          {"涂料", "C2641", "涂料制造", true},
          {"新材料", "C2651", "初级形态塑料及合成树脂制造", true},
          {"化学品贸易", "F5169", "其他化工产品批发"},
          {"石油销售", "F5265", "机动车燃油零售"}}},
        {"construction",
         {{"建筑工程", "E4710", "住宅房屋建筑"},
          {"建设工程", "E4790", "其他房屋建筑业"},
          {"市政工程", "E4813", "市政道路工程建筑"},
          {"安装工程", "E4910", "电气安装"}}},
        {"gas",
         {{"燃气", "D4511", "天然气生产和供应业"}, {"液化气", "D4512", "液化石油气生产和供应业"}}},
        {"transport",
         {{"物流", "G5431", "普通货物道路运输"},
          {"危险货物运输", "G5435", "危险货物道路运输"},
          {"汽车运输", "G5421", "长途客运"}}},
        {"fireworks", {{"烟花爆竹经营", "F5299", "其他未列明零售业（烟花爆竹）"}}},
        {"non_coal_mine",
         {{"石料", "B1019", "粘土及其他土砂石开采"}, {"矿业", "B1011", "石灰石、石膏开采"}}},
        {"coal_mine", {{"煤业", "B0610", "烟煤和无烟煤开采洗选"}}},
        {"oil_depot", {{"油库", "G5941", "油气仓储"}}},
    };
    return table;
}

const texts &common_hazards() {
    static const texts list{
        {"消防安全", "灭火器压力不足，未按期检查更换"},
        {"消防安全", "消防通道被杂物占用"},
        {"消防安全", "疏散指示标志损坏，应急照明不亮"},
        {"电气安全", "配电箱未设置漏电保护装置"},
        {"电气安全", "临时用电线路私拉乱接"},
        {"安全管理", "安全教育培训记录不全"},
        {"安全管理", "应急预案未按期组织演练"},
        {"安全管理", "隐患排查治理台账记录不完整"},
        {"特种设备", "叉车未按期检验"},
        {"特种设备", "压力容器安全阀超期未校验"},
        {"有限空间", "有限空间未设置安全警示标志"},
        {"高处作业", "作业平台防护栏杆缺失"},
    };
    return list;
}

const std::map<std::string_view, texts> &sector_hazards() {
    static const std::map<std::string_view, texts> table{
        {"hazardous_chemicals",
         {{"危险化学品", "可燃气体检测报警仪未定期标定"},
          {"危险化学品", "储罐区防火堤局部破损"},
          {"危险化学品", "危险化学品未分区分类存放"},
          {"工艺安全", "装卸区静电接地装置失效"},
          {"工艺安全", "关键工艺参数报警值未纳入DCS"},
          {"特殊作业", "动火作业票证填写不规范"}}},
        {"coal_mine",
         {{"矿山安全", "巷道局部支护不到位"},
          {"矿山安全", "瓦斯传感器吊挂位置不符合规定"},
          {"机电运输", "井下电气设备失爆"},
          {"机电运输", "带式输送机防跑偏保护失效"},
          {"防治水", "探放水记录不全"}}},
        {"non_coal_mine",
         {{"矿山安全", "边坡台阶高度超过设计"},
          {"矿山安全", "采场未设置安全警示标志"},
          {"爆破作业", "爆破器材领用台账不全"}}},
        {"construction",
         {{"施工安全", "脚手架连墙件设置不足"},
          {"施工安全", "基坑临边防护缺失"},
          {"起重机械", "塔式起重机限位装置失效"},
          {"施工用电", "施工用电未采用TN-S接零保护系统"},
          {"高处作业", "高处作业人员未系挂安全带"}}},
        {"gas",
         {{"燃气安全", "调压箱锈蚀严重"},
          {"燃气安全", "燃气管道标志桩缺失"},
          {"燃气安全", "用户燃气软管老化"},
          {"燃气安全", "场站可燃气体报警器故障"}}},
        {"transport",
         {{"运输安全", "车辆动态监控设备离线"},
          {"运输安全", "驾驶员连续驾驶超时"},
          {"运输安全", "危险货物运输车辆标志不全"},
          {"运输安全", "车辆未按期年审"}}},
        {"fireworks",
         {{"烟花爆竹", "仓库超量储存烟花爆竹"},
          {"烟花爆竹", "库房防雷设施未检测"},
          {"烟花爆竹", "零售点与居住场所未有效隔离"}}},
        {"oil_depot",
         {{"危险化学品", "油罐呼吸阀堵塞"},
          {"危险化学品", "油气回收装置故障"},
          {"危险化学品", "罐区可燃气体报警器未联动"}}},
        {"industry_trade",
         {{"粉尘防爆", "粉尘作业场所积尘未及时清理"},
          {"机械安全", "设备传动部位防护罩缺失"},
          {"机械安全", "冲压设备光电保护装置失效"},
          {"涉氨制冷", "液氨制冷机房未设置氨泄漏报警"},
          {"粉尘防爆", "除尘器未设置泄爆装置"}}},
    };
    return table;
}

const std::map<std::string_view, texts> &major_table() {
    static const texts chemicals{
        {"HG2017-02", "特种作业人员未持证上岗"},
        {"HG2017-04", "涉及危险化工工艺的装置未实现自动化控制，或系统未投用"},
        {"HG2017-12", "可燃和有毒气体泄漏场所未按国家标准设置检测报警装置"},
        {"HG2017-15", "安全阀、爆破片等安全附件未正常投用"},
        {"HG2017-20", "危险化学品未分区、分类储存，或超量、超品种储存"},
    };
    static const texts trade{
        {"GM2023 粉尘防爆", "粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内"},
        {"GM2023 涉氨制冷", "包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷"},
        {"GM2023 有限空间", "未对有限空间进行辨识、建立安全管理台账，且未设置明显的安全警示标志"},
    };
    static const std::map<std::string_view, texts> table{
        {"hazardous_chemicals", chemicals},
        {"oil_depot",
         {{"HG2017-05", "一级、二级重大危险源罐区未实现紧急切断功能"},
          {"HG2017-12", "可燃和有毒气体泄漏场所未按国家标准设置检测报警装置"}}},
        {"coal_mine",
         {{"MK2020 超能力", "超能力、超强度或者超定员组织生产"},
          {"MK2020 通风", "通风系统不完善、不可靠"},
          {"MK2020 水害", "有严重水患，未采取有效措施"}}},
        {"non_coal_mine", {{"非煤矿山重大隐患", "露天采场边坡角超过设计，未采取治理措施"}}},
        {"construction",
         {{"房屋市政工程重大隐患",
           "超过一定规模的危险性较大的分部分项工程专项施工方案未按规定组织专家论证"}}},
        {"gas", {{"城镇燃气重大隐患", "燃气场站安全间距不足，未采取有效防护措施"}}},
        {"transport", {{"道路运输重大隐患", "危险货物运输车辆未按规定安装使用卫星定位装置"}}},
        {"fireworks", {{"烟花爆竹重大隐患", "仓库超量、超范围储存烟花爆竹"}}},
        {"industry_trade", trade},
    };
    return table;
}

} // namespace

const std::vector<std::string_view> &supervision_categories() {
    static const std::vector<std::string_view> list{
        "hazardous_chemicals", "coal_mine", "non_coal_mine", "industry_trade", "fireworks",
        "construction",        "gas",       "transport",     "oil_depot"};
    return list;
}

const std::vector<std::string_view> &trade_names() {
    static const std::vector<std::string_view> list{
        "鑫源",   "恒泰", "华阳", "瑞丰", "宏达", "泰和", "金诚", "永盛", "德润", "鲁兴",
        "兴业",   "昊天", "嘉禾", "聚丰", "润泽", "海川", "广源", "福泰", "汇通", "信诚",
        "博远",   "昌盛", "宏图", "鼎盛", "万通", "安泰", "旭日", "明润", "祥和", "远航",
        "凯瑞",   "华兴", "金泰", "盛达", "亿丰", "晟宇", "恒信", "众诚", "东岳", "沂蒙",
        "泗水",   "九州", "齐鲁", "鸿运", "天瑞", "康达", "瑞通", "华诚", "丰源", "裕隆",
        "新世纪", "金桥", "顺达", "利民", "嘉信", "丰泽", "同益", "合力", "腾飞", "兴旺",
        "宏盛",   "鲁达", "正阳", "圣源", "金瑞", "恒丰", "华宇", "双赢", "海峰", "佳和"};
    return list;
}

const std::vector<industry_option> &industries_of(std::string_view category) {
    const auto it = industries().find(category);
    static const std::vector<industry_option> none;
    return it == industries().end() ? none : it->second;
}

const std::vector<std::string_view> &hazardous_processes() {
    static const std::vector<std::string_view> list{
        "光气及光气化工艺", "电解工艺（氯碱）", "氯化工艺",  "硝化工艺",   "合成氨工艺",
        "裂解（裂化）工艺", "氟化工艺",         "加氢工艺",  "重氮化工艺", "氧化工艺",
        "过氧化工艺",       "胺基化工艺",       "磺化工艺",  "聚合工艺",   "烷基化工艺",
        "新型煤化工工艺",   "电石生产工艺",     "偶氮化工艺"};
    return list;
}

std::vector<hazard_text> general_hazards(std::string_view category) {
    std::vector<hazard_text> out = common_hazards();
    const auto it = sector_hazards().find(category);
    if (it != sector_hazards().end())
        out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
}

const std::vector<hazard_text> &major_hazards(std::string_view category) {
    const auto it = major_table().find(category);
    return it == major_table().end() ? major_table().at("industry_trade") : it->second;
}

} // namespace riskatlas::demo::detail
