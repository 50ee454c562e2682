// Reading data_versions (sql/layer_versions.sql), shared by the layer store and the version
// watch.
#pragma once

#include <riskatlas/data/layer_store.hpp>

#include "session.hpp"

namespace riskatlas::data {

table_versions versions_of(const pqxx::result& rows);
table_versions read_table_versions(session& s);

} // namespace riskatlas::data
