#!/usr/bin/env bash
# Installs the Debian and npm packages riskatlas needs, only those that are missing.
# Sourced by deploy/run and deploy/test; safe to run again (a no-op when all is present).
set -euo pipefail

RISKATLAS_APT_PACKAGES=(
  build-essential cmake pkg-config ninja-build
  libpistache-dev libpqxx-dev libgeos-dev libproj-dev libgdal-dev gdal-bin
  nlohmann-json3-dev libspdlog-dev libcli11-dev zlib1g-dev libsqlite3-dev catch2 libcurl4-openssl-dev
  postgresql-15 postgresql-15-postgis-3 postgresql-contrib
  chromium fonts-wqy-microhei curl procps python3 wrk nginx pgbouncer
)
# Node.js may come from Debian or from NodeSource (whose nodejs conflicts with Debian's npm):
# ask apt only when the commands are missing.
command -v npm >/dev/null 2>&1 || RISKATLAS_APT_PACKAGES+=(nodejs npm)

missing_apt_packages() {
  local p
  for p in "${RISKATLAS_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing
  missing=$(missing_apt_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  echo "riskatlas: installing Debian packages: $missing"
  as_root apt-get update -qq
  # --no-install-recommends: chromium would otherwise pull in systemd, avahi and samba.
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends $missing
}

install_npm_packages() {
  local root=$1
  if [ -f "$root/node_modules/.riskatlas-installed" ] &&
     [ "$root/node_modules/.riskatlas-installed" -nt "$root/package-lock.json" ]; then
    return 0
  fi
  echo "riskatlas: installing npm packages for the web client and browser tests"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$root/node_modules/.riskatlas-installed"
}

install_all() {
  local root=$1
  install_apt_packages
  [ -f "$root/package-lock.json" ] && install_npm_packages "$root"
  return 0
}
