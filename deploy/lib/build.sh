#!/usr/bin/env bash
# Configures and builds a CMake preset of riskatlas (quietly unless something fails).
set -euo pipefail

build_preset() {
  local root=$1 preset=$2 log
  log="$root/build/$preset.log"
  mkdir -p "$root/build"
  echo "riskatlas: building ($preset)…"
  if ! { cmake -S "$root" --preset "$preset" && cmake --build --preset "$preset" -j "$(nproc)"; } >"$log" 2>&1; then
    grep -E "error|Error|FAILED" "$log" | head -40 >&2
    echo "riskatlas: build failed; full log in $log" >&2
    return 1
  fi
}
