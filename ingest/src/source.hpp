// Opening the import's file with GDAL: zipped datasets through /vsizip/, and the text encoding
// of a Shapefile without a .cpg detected from its bytes (UTF-8, else GB18030, the superset of
// the GBK that Chinese desktop GIS writes).
#pragma once

#include <string>

#include <riskatlas/io/feature_reader.hpp>

namespace riskatlas::ingest::detail {

struct opened_source {
    io::feature_reader reader;
    std::string encoding; ///< e.g. "UTF-8", "GB18030 (detected)", "CP936 (.cpg)"
};

/// Throws io::read_error (code "unreadable_file") naming the file and GDAL's reason; messages
/// call the file `display_name` (empty: `path`).
opened_source open_source(const std::string& path, const std::string& display_name,
                          const std::string& layer, const std::string& encoding);

} // namespace riskatlas::ingest::detail
