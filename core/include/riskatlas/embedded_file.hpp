// A text file compiled into the binary by cmake/embed.cmake (SQL, layer declarations).
#pragma once

#include <string_view>

namespace riskatlas {

struct embedded_file {
    std::string_view name;    ///< path relative to its embedded directory, e.g. "sql/ping.sql"
    std::string_view content;
};

} // namespace riskatlas
