// riskatlas: work-safety risk-mapping server. See `riskatlas --help`.
#include "cli.hpp"

int main(int argc, char** argv) { return riskatlas::server::run_cli(argc, argv); }
