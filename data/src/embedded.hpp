// The SQL files CMake embeds into the data library (see cmake/embed_generate.cmake).
#pragma once

#include <span>
#include <string_view>

namespace riskatlas::data::embedded {
struct embedded_file {
    std::string_view name;
    std::string_view content;
};
std::span<const embedded_file> files();
} // namespace riskatlas::data::embedded
