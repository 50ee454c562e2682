// styles/ is data: every style parses, uses no glyph server (labels must render offline), and
// refers only to layers and properties the registry publishes.
#include <catch2/catch.hpp>

#include <algorithm>

#include <riskatlas/tiles/registry.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using nlohmann::json;

namespace {

// Every ["get", "<name>"] in a MapLibre expression or filter.
void collect_gets(const json& expr, std::vector<std::string>& out) {
    if (!expr.is_array())
        return;
    if (expr.size() == 2 && expr[0] == "get" && expr[1].is_string())
        out.push_back(expr[1].get<std::string>());
    for (const auto& e : expr)
        collect_gets(e, out);
}

} // namespace

TEST_CASE("styles parse and match the layer registry", "[unit][tiles]") {
    const auto registry = riskatlas::tiles::registry::builtin();
    int styles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(RISKATLAS_SOURCE_DIR "/styles")) {
        if (entry.path().extension() != ".json")
            continue;
        ++styles;
        INFO(entry.path().filename().string());
        std::ifstream in(entry.path());
        const auto style = json::parse(in);
        CHECK(style["version"] == 8);
        CHECK_FALSE(style.contains("glyphs"));
        for (const auto& [id, source] : style["sources"].items()) {
            INFO("source " << id);
            CHECK(registry.find(id) != nullptr);
            CHECK(source["url"] == "/tiles/" + id + ".json");
        }
        for (const auto& layer : style["layers"]) {
            if (!layer.contains("source-layer"))
                continue;
            const auto* decl = registry.find(layer["source-layer"].get<std::string>());
            INFO("style layer " << layer["id"]);
            REQUIRE(decl != nullptr);
            std::vector<std::string> used;
            for (const char* part : {"paint", "layout"})
                if (layer.contains(part))
                    for (const auto& [k, v] : layer[part].items())
                        collect_gets(v, used);
            if (layer.contains("filter"))
                collect_gets(layer["filter"], used);
            // clusters (a layer's low-zoom bands) carry point_count instead of properties
            const bool clustered = std::ranges::any_of(
                decl->zoom_bands, [](const auto& b) { return b.cluster_px > 0; });
            for (const auto& name : used) {
                INFO("property " << name);
                CHECK((decl->has_property(name) || (clustered && name == "point_count")));
            }
        }
    }
    CHECK(styles >= 1);
}
