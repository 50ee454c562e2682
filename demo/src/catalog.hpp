// Word lists the generator draws from: firm names by industry, the 18 key hazardous chemical
// processes, and hazard descriptions by supervision category (from the domain notes in
// ../shared/domain/: enterprise-risk-grading.md §4.1 and hazards-ledger.md §2).
#pragma once

#include <string_view>
#include <vector>

namespace riskatlas::demo::detail {

/// One way a firm of a category can look: the word in its name and its GB/T 4754-2017 class.
struct industry_option {
    std::string_view name_word; ///< e.g. "机械制造" in 兖州区恒泰机械制造有限公司
    std::string_view code;      ///< e.g. "C3484"
    std::string_view industry;  ///< e.g. "机械零部件加工"
    bool produces_chemicals = false; ///< hazardous-chemical producers may run key processes
};

/// A hazard description and its category (topic for general hazards, the 判定标准 item for
/// major ones).
struct hazard_text {
    std::string_view category;
    std::string_view description;
};

/// Supervision categories of 0001_core.sql, in a fixed order.
const std::vector<std::string_view> &supervision_categories();

/// Two-character trade names (字号).
const std::vector<std::string_view> &trade_names();

const std::vector<industry_option> &industries_of(std::string_view category);

/// The 18 key supervised hazardous chemical processes (安监总管三〔2009〕116号, 〔2013〕3号).
const std::vector<std::string_view> &hazardous_processes();

/// General (一般) hazards typical of a category, plus ones any workplace can have.
std::vector<hazard_text> general_hazards(std::string_view category);

/// Major (重大) hazards: items of the sector's 判定标准.
const std::vector<hazard_text> &major_hazards(std::string_view category);

} // namespace riskatlas::demo::detail
