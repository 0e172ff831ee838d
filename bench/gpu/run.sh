#!/usr/bin/env bash
# On the offline GPU machine, in a copy of this repository: keeps the pieces bench/gpu/pack.sh made (carried in
# .gpu/, one call at a time) in $STASH, and once a bundle's pieces are all there unpacks it and runs benchmarks.
#   bash bench/gpu/run.sh stash        keep the pieces carried in this call
#   bash bench/gpu/run.sh cpu [ARGS]   bench:pipeline on the CPU with the shipped onnxruntime-node (ARGS: its flags)
#   bash bench/gpu/run.sh cuda [ARGS]  bench:providers, then bench:pipeline on CUDA (onnxruntime-node 1.29.0)
# Logs go to $OUT (or ./gpu-out) as they are written.
set -uo pipefail
cd "$(dirname "$0")/../.."
STASH=${STASH:-/root/thumper-stash}
OUT=${OUT:-$PWD/gpu-out}
mkdir -p "$STASH" "$OUT"
cp -f .gpu/*.part-* "$STASH/" 2>/dev/null || true
ls -l "$STASH"
step=$1
shift || true
[ "$step" = stash ] && exit 0

unpack() { # bundle: all its pieces, in order, through xz
  cat "$STASH/$1".tar.xz.part-* | xz -dc | tar -xf - -C "$2"
}
if [ ! -x "$STASH/base/node" ]; then
  mkdir -p "$STASH/base" && unpack base "$STASH/base" || exit 1
  tar -xf "$STASH/base/modules.tar" -C "$STASH/base" && rm "$STASH/base/modules.tar"
  # ffmpeg and ffprobe stay behind (clips are skipped); their packages want the files to exist.
  touch "$STASH/base/node_modules/@ffmpeg-installer/linux-x64/ffmpeg" \
    "$STASH/base/node_modules/@ffprobe-installer/linux-x64/ffprobe"
fi
rm -rf node_modules dist-dev
ln -s "$STASH/base/node_modules" node_modules
cp -r "$STASH/base/dist-dev" dist-dev
export PATH="$STASH/base:$PATH" THUMPER_MODELS_DIR="$STASH/base/models" THUMPER_FIXTURES_DIR="$STASH/base/fixtures"
nproc
nvidia-smi --query-gpu=name,driver_version,memory.used,utilization.gpu --format=csv || true

if [ "$step" = cuda ]; then
  if [ ! -d "$STASH/cuda" ]; then unpack cuda "$STASH" || exit 1; fi
  ort=$STASH/base/node_modules/onnxruntime-node
  [ -d "$ort-1.30" ] || mv "$ort" "$ort-1.30"
  rm -rf "$ort" "$STASH/base/node_modules/onnxruntime-common"
  cp -r "$STASH/cuda/onnxruntime-node" "$ort"
  cp -r "$STASH/cuda/onnxruntime-common" "$STASH/base/node_modules/onnxruntime-common"
  cp "$STASH"/cuda/libonnxruntime_providers_*.so "$ort/bin/napi-v6/linux/x64/"
  # CUDA 13's cuBLAS, cuRAND, cudart and cuDNN 9 from the machine's Python packages.
  site=$(python3 -c 'import site; print(site.getsitepackages()[0])')
  libs=$(find "$site/nvidia" -name 'lib*.so*' -printf '%h\n' | sort -u | paste -sd:)
  export LD_LIBRARY_PATH="$libs:${LD_LIBRARY_PATH:-}"
  node dist-dev/bench/providers.js 2>&1 | tee -a "$OUT/providers.log"
  node dist-dev/bench/pipeline.js "$@" 2>&1 | tee -a "$OUT/pipeline-cuda.log"
  nvidia-smi --query-gpu=name,memory.used,utilization.gpu --format=csv || true
else
  node dist-dev/bench/pipeline.js "$@" 2>&1 | tee -a "$OUT/pipeline-cpu.log"
fi
