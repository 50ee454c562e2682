// Loading the models directory: all four models or none (a half-loaded set would grade with a
// mix of old and new rules).
#include <riskatlas/analysis/models.hpp>

#include <riskatlas/error.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

namespace riskatlas::analysis {
namespace {

nlohmann::json read_json(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw invalid_argument("model_unreadable", "cannot read model file " + file.string());
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw invalid_argument("model_not_json", file.string() + ": " + e.what());
    }
}

// Parse errors name the field; prefix the file so the message says where to look.
template <typename TModel>
TModel parse_model(const std::filesystem::path& file, const nlohmann::json& doc) {
    try {
        return TModel::parse(doc);
    } catch (const error& e) {
        throw invalid_argument(e.code(), file.string() + ": " + e.what());
    }
}

model_text text_of(const nlohmann::json& doc) {
    return {doc.at("id").get<std::string>(), doc.at("version").get<std::string>(), doc.dump()};
}

} // namespace

model_set model_set::load(const std::filesystem::path& dir) {
    const auto enterprise_doc = read_json(dir / enterprise_model_file);
    const auto park_doc = read_json(dir / park_model_file);
    const auto zoning_doc = read_json(dir / zoning_model_file);
    const auto density_doc = read_json(dir / density_model_file);
    model_set set{parse_model<risk::enterprise_model>(dir / enterprise_model_file, enterprise_doc),
                  parse_model<risk::park_model>(dir / park_model_file, park_doc),
                  parse_model<risk::zoning_model>(dir / zoning_model_file, zoning_doc),
                  parse_model<risk::density_model>(dir / density_model_file, density_doc),
                  {}};
    for (const auto* doc : {&enterprise_doc, &park_doc, &zoning_doc, &density_doc}) {
        auto text = text_of(*doc);
        set.texts[text.id] = std::move(text);
    }
    return set;
}

std::string model_set::versions_json() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [id, text] : texts)
        out[id] = text.version;
    return out.dump();
}

} // namespace riskatlas::analysis
