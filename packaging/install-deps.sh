#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing
# mPLUG-2 Studio needs. Safe to run again: apt-get skips what is installed.
#
#   sudo packaging/install-deps.sh          # everything (GUI, CLI, tests)
#   sudo packaging/install-deps.sh --core   # only what the core-only build needs
#   sudo packaging/install-deps.sh --fuzz   # also clang + libFuzzer for the 'fuzz' preset
#   sudo packaging/install-deps.sh --servers  # also PostgreSQL and Slurm, which tests start
#                                             # on their own; the packages' daemons stay off
#
# Why OpenBLAS: Debian's LibTorch calls the system BLAS, and the reference
# BLAS that Debian installs by default is about 50x slower on this kind of
# machine (2048x2048 fp32 matmul: ~4 vs ~220 GFLOP/s on 2 cores). Why its
# OpenMP build: it shares LibTorch's OpenMP workers, where the pthreads build
# runs a second pool that competes with them for the cores (Base caption,
# 16 frames, 2 cores: 6.9 s vs 9.2 s).
set -euo pipefail

core_only=0
fuzz=0
servers=0
for arg in "$@"; do
  case "$arg" in
    --core) core_only=1 ;;
    --fuzz) fuzz=1 ;;
    --servers) servers=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

core=(
  build-essential cmake ninja-build ccache pkg-config git clang-format-14
  libtorch-dev libopenblas0-openmp
  libutf8proc-dev libsentencepiece-dev sentencepiece zlib1g-dev nlohmann-json3-dev
)
full=(
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libqt6svg6-dev
  libgl-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev
  ffmpeg libjpeg-turbo-progs
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  libsqlite3-dev libhnswlib-dev
  xvfb xauth fonts-wqy-microhei
  dpkg-dev fakeroot file lintian desktop-file-utils appstream help2man
)

# libFuzzer's runtime is a separate package from clang on Debian 12.
fuzzing=(clang libclang-rt-14-dev)
# The shared-index tests start a throwaway PostgreSQL server and a one-host
# Slurm cluster of their own, from these packages' programs.
server_packages=(postgresql slurm-wlm munge)

packages=("${core[@]}")
[ "$core_only" = 1 ] || packages+=("${full[@]}")
[ "$fuzz" = 0 ] || packages+=("${fuzzing[@]}")
[ "$servers" = 0 ] || packages+=("${server_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
else
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=sudo
  fi
  echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The server packages would start their daemons (cluster 15/main, slurmd,
  # munged) on installation: policy-rc.d forbids that while apt runs.
  policy=/usr/sbin/policy-rc.d
  placed_policy=0
  if [ "$servers" = 1 ] && [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && placed_policy=1
  fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ "$placed_policy" = 0 ] || $sudo rm -f "$policy"
fi

# Leave the servers' own daemons stopped and disabled: tests start servers of
# their own in temporary folders and never use these.
if [ "$servers" = 1 ]; then
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
      ${sudo:-} pg_ctlcluster "$version" "$cluster" stop || true
    done
  fi
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    for unit in postgresql slurmd slurmctld munge; do
      ${sudo:-} systemctl disable --now "$unit" >/dev/null 2>&1 || true
    done
  fi
fi

# Make OpenBLAS's OpenMP build the one LibTorch picks up, for all three names
# it is loaded by (update-alternatives would prefer the pthreads build when
# both are installed, and the reference BLAS when it was set by hand).
for alt in libblas.so.3-x86_64-linux-gnu liblapack.so.3-x86_64-linux-gnu libopenblas.so.0-x86_64-linux-gnu; do
  target=$(update-alternatives --list "$alt" 2>/dev/null | grep openblas-openmp | head -n 1 || true)
  if [ -n "$target" ]; then
    ${sudo:-} update-alternatives --set "$alt" "$target" >/dev/null 2>&1 || true
  fi
done
echo "install-deps: BLAS in use: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"
