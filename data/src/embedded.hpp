// The SQL files CMake embeds into the data library (see cmake/embed_generate.cmake).
#pragma once

#include <riskatlas/embedded_file.hpp>

#include <span>

namespace riskatlas::data::embedded {
std::span<const embedded_file> files();
} // namespace riskatlas::data::embedded
