#!/usr/bin/env bash
# Packs what the benchmarks need on an offline Linux x64 machine with an NVIDIA GPU (no npm registry there) into
# .gpu/: base.tar.xz.part-* (node, the runtime node_modules, the built benchmarks, the models and the fixture deer photos)
# and cuda.tar.xz.part-* (onnxruntime-node 1.29.0 with a CUDA 13 provider library built for it), split so that each
# piece fits a transfer of 60 MB. bench/gpu/run.sh unpacks them there and runs the benchmarks.
#   bash bench/gpu/pack.sh        (after npm ci; needs the npm registry and ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.gpu
shared=${THUMPER_SHARED:-../shared}
rm -rf "$out" && mkdir -p "$out/stage"
npm run -s build:dev

# The runtime packages only, for linux x64; ffmpeg and ffprobe (clips) stay behind: run with --no-clips.
npm ls --omit=dev --all --parseable | sed "s#^$PWD/##" | grep '^node_modules/' | sort -u >"$out/modules.txt"
tar -cf "$out/stage/modules.tar" \
  --exclude='*/napi-v6/darwin' --exclude='*/napi-v6/win32' --exclude='*/napi-v6/linux/arm64' \
  --exclude='better-sqlite3/deps' --exclude='better-sqlite3/src' --exclude='*/obj.target' \
  --exclude='@ffmpeg-installer/linux-x64/ffmpeg' --exclude='@ffprobe-installer/linux-x64/ffprobe' \
  --exclude='*.d.ts' --exclude='*.d.mts' --exclude='*.d.cts' --exclude='*.map' \
  -T "$out/modules.txt"
cp "$(command -v node)" "$out/stage/node"
mkdir -p "$out/stage/fixtures/trailcam-deer"
cp -r "$shared/fixtures/trailcam-deer/images" "$shared/fixtures/trailcam-deer/ground-truth.json" \
  "$out/stage/fixtures/trailcam-deer/"
cp -r "$shared/models" "$out/stage/models"
tar -cf - dist-dev -C "$out/stage" node modules.tar fixtures models | xz -T0 -6 | split -b 55M - "$out/base.tar.xz.part-"

# onnxruntime-node 1.29.0 and the CUDA provider built for it (CUDA 13, cuDNN 9 loaded at run time).
(cd "$out/stage" && npm pack -s onnxruntime-node@1.29.0 onnxruntime-common@1.29.0 \
  com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9 >/dev/null)
mkdir -p "$out/stage/cuda"
for pkg in onnxruntime-node onnxruntime-common; do
  mkdir -p "$out/stage/cuda/$pkg"
  tar -xzf "$out/stage/$pkg-1.29.0.tgz" -C "$out/stage/cuda/$pkg" --strip-components=1 \
    --exclude='*/napi-v6/darwin' --exclude='*/napi-v6/win32' --exclude='*/napi-v6/linux/arm64'
done
tar -xzf "$out/stage/com.github.asus4.onnxruntime.linux-x64-gpu-0.4.9.tgz" -C "$out/stage/cuda" \
  --strip-components=4 package/Plugins/Linux/x64/libonnxruntime_providers_cuda.so \
  package/Plugins/Linux/x64/libonnxruntime_providers_shared.so
tar -cf - -C "$out/stage" cuda | xz -T0 -6 | split -b 55M - "$out/cuda.tar.xz.part-"
rm -rf "$out/stage"
ls -l "$out"
