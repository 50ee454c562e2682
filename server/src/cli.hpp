// The riskatlas command line: subcommands and options, parsed into validated configuration.
#pragma once

namespace riskatlas::server {

/// Parses argv, runs the chosen subcommand, returns the process exit code.
int run_cli(int argc, char** argv);

} // namespace riskatlas::server
