// Bounding boxes and the strict parser for OGC API's `bbox` parameter.
#include <riskatlas/error.hpp>
#include <riskatlas/geo/bbox.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace riskatlas::geo {

bool bbox::intersects(const bbox& o) const noexcept {
    return min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y;
}

bool bbox::contains(double x, double y) const noexcept {
    return x >= min_x && x <= max_x && y >= min_y && y <= max_y;
}

namespace {

[[noreturn]] void reject(const std::string& why) {
    throw invalid_argument("invalid_bbox", "bbox " + why);
}

double parse_number(std::string_view part) {
    double value = 0;
    const auto* end = part.data() + part.size();
    const auto [ptr, ec] = std::from_chars(part.data(), end, value);
    if (part.empty() || ec != std::errc{} || ptr != end || !std::isfinite(value))
        reject("must be four comma-separated numbers; '" + std::string(part) + "' is not a number");
    return value;
}

} // namespace

bbox parse_lonlat_bbox(std::string_view text) {
    std::vector<double> values;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        values.push_back(parse_number(text.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
        if (values.size() > 6)
            break;
    }
    if (values.size() == 6) // OGC allows 3D boxes: minLon,minLat,minH,maxLon,maxLat,maxH.
        values = {values[0], values[1], values[3], values[4]};
    if (values.size() != 4)
        reject("must have 4 (or 6) comma-separated numbers, got " + std::to_string(values.size()));
    const bbox box{values[0], values[1], values[2], values[3]};
    if (box.min_x < -180 || box.max_x > 180 || box.min_y < -90 || box.max_y > 90)
        reject("is outside lon -180..180 / lat -90..90 (coordinates are CRS84: lon,lat order)");
    if (box.min_x > box.max_x || box.min_y > box.max_y)
        reject("must be minLon,minLat,maxLon,maxLat with min <= max");
    return box;
}

} // namespace riskatlas::geo
