// JSON and row conversions of the road records (private to data).
#pragma once

#include <riskatlas/data/roads_store.hpp>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

namespace riskatlas::data::detail {

using nlohmann::json;

json to_json(const road_route_record &r);
json to_json(const road_piece_record &p);
json to_json(const waterway_record &w);
json to_json(const bridge_record &b);
json to_json(const bridge_inspection_record &i);
json to_json(const risk_segment_record &s);
json to_json(const safety_works_record &w);

template <typename TRecord> std::string json_array(const std::vector<TRecord> &records) {
    json array = json::array();
    for (const auto &r : records)
        array.push_back(to_json(r));
    return array.dump();
}

risk_segment_record segment_from_row(const pqxx::row &row);
danger_bridge_row danger_bridge_from_row(const pqxx::row &row);
bridge_detail bridge_detail_from_row(const pqxx::row &row);
bridge_inspection_record inspection_from_row(const std::string &bridge_code, const pqxx::row &row);

} // namespace riskatlas::data::detail
