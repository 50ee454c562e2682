// Static files: the web client, MapLibre's dist files and styles.
#include "static_files.hpp"

#include <riskatlas/error.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace riskatlas::server {

std::string content_type_for(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> types{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".otf", "font/otf"},
        {".txt", "text/plain; charset=utf-8"},
    }};
    for (const auto& [ext, type] : types)
        if (path.ends_with(ext))
            return std::string(type);
    return "application/octet-stream";
}

http_response serve_file(const std::string& root, std::string_view relative,
                         const std::string& cache_control) {
    const std::filesystem::path rel{std::string(relative)};
    const bool unsafe = relative.empty() || rel.is_absolute() ||
                        relative.find('\0') != std::string_view::npos ||
                        relative.find('\\') != std::string_view::npos ||
                        std::ranges::any_of(rel, [](const auto& part) { return part == ".."; });
    if (unsafe)
        throw invalid_argument("invalid_path", "path must be relative and stay inside the site");
    const auto full = std::filesystem::path(root) / rel;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(full, ec))
        throw not_found("not_found", "no file " + std::string(relative));
    std::ifstream in(full, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    auto r = http_response::text(200, content.str(), content_type_for(relative));
    r.with_header("Cache-Control", cache_control);
    return r;
}

} // namespace riskatlas::server
