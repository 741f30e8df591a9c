#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the demo need,
# and only those that are missing. `deps.sh fuzz` installs what `make fuzz`
# needs instead (clang and Debian 12's libFuzzer runtime).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libssl-dev openssl        # libcrypto for the library, openssl(1) as interop peer
  libgtest-dev              # unit tests
  gnutls-bin libgnutls28-dev  # interop peer and differential tests
  clang-format
  wget                      # a real GnuTLS program run on Coda's libgnutls.so.30
  curl                      # HTTPS client against coda-serv --http (interop.serv_http)
  chromium                  # headless browser against coda-serv (interop.chromium)
  # Real GnuTLS programs run on Coda's libgnutls.so.30 (tests/dropin):
  git libcurl3-gnutls       # git clone over https (git-remote-https)
  python3-pycurl            # libcurl-gnutls from Python
  glib-networking python3-gi gir1.2-glib-2.0  # GIO's TLS (libgiognutls.so)
  lighttpd lighttpd-mod-gnutls
  lynx lftp msmtp mutt
)
fuzz_packages=(
  clang libclang-rt-14-dev  # libFuzzer and the sanitizer runtimes (make fuzz)
)
if [ "${1:-}" = "fuzz" ]; then
  packages+=("${fuzz_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
