// One onnxruntime session per model file, on CUDA when it can be loaded and on the CPU otherwise.
// onnxruntime-node does not fall back by itself: asking for 'cuda' without its provider library throws ("Failed to
// load shared library") and prints an error line, so the app decides, tries, retries on the CPU and says which runs.
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';

export type Provider = 'cuda' | 'cpu';
/** `auto` tries CUDA when its provider library is installed; THUMPER_PROVIDER overrides the default. */
export type ProviderPreference = 'auto' | Provider;

export interface ModelSession {
  file: string;
  session: ort.InferenceSession;
  provider: Provider;
  /** Why the session is not on CUDA when CUDA was wanted or possible (shown next to the provider). */
  fallbackReason: string | null;
  inputNames: readonly string[];
  outputNames: readonly string[];
}

export interface SessionOptions {
  provider?: ProviderPreference;
  /** CPU threads for one inference; defaults to onnxruntime's choice (all cores). */
  threads?: number;
}

/** `npm rebuild` with ONNXRUNTIME_NODE_INSTALL=cuda12 puts CUDA's provider library beside onnxruntime's own. */
export function cudaProviderInstalled(): boolean {
  const pkg = path.dirname(require.resolve('onnxruntime-node/package.json'));
  const bin = path.join(pkg, 'bin');
  if (!fs.existsSync(bin)) return false;
  // The napi version folder differs between releases: look in any of them.
  return fs
    .readdirSync(bin)
    .some(
      (napi) =>
        fs.existsSync(path.join(bin, napi, process.platform, process.arch, 'libonnxruntime_providers_cuda.so')) ||
        fs.existsSync(path.join(bin, napi, process.platform, process.arch, 'onnxruntime_providers_cuda.dll')),
    );
}

export function preferredProvider(explicit?: ProviderPreference): ProviderPreference {
  const env = process.env.THUMPER_PROVIDER;
  return explicit ?? (env === 'cuda' || env === 'cpu' || env === 'auto' ? env : 'auto');
}

function baseOptions(options: SessionOptions): ort.InferenceSession.SessionOptions {
  return {
    graphOptimizationLevel: 'all',
    ...(options.threads ? { intraOpNumThreads: options.threads, interOpNumThreads: 1 } : {}),
    // Idle intra-op threads sleep instead of spinning: the pipeline runs two models and sharp's decodes on the same
    // cores, and spinning threads took their CPU (YOLOX-nano on 2 busy cores: 30 CPU ms per photo spinning, 12 not).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

export async function createSession(file: string, options: SessionOptions = {}): Promise<ModelSession> {
  const wanted = preferredProvider(options.provider);
  let fallbackReason: string | null = null;
  // Without its provider library, onnxruntime prints a raw native error for 'cuda': skip the attempt and say why.
  const tryCuda = wanted !== 'cpu' && cudaProviderInstalled();
  if (tryCuda) {
    try {
      const session = await ort.InferenceSession.create(file, {
        ...baseOptions(options),
        executionProviders: ['cuda', 'cpu'],
      });
      return describe(file, session, 'cuda', null);
    } catch (err) {
      fallbackReason = `CUDA could not be loaded: ${(err as Error).message.split('\n')[0]}`;
    }
  } else if (wanted !== 'cpu') {
    fallbackReason =
      'CUDA provider not installed (see README: ONNXRUNTIME_NODE_INSTALL=cuda12 npm rebuild onnxruntime-node)';
  }
  const session = await ort.InferenceSession.create(file, { ...baseOptions(options), executionProviders: ['cpu'] });
  return describe(file, session, 'cpu', wanted === 'cpu' ? null : fallbackReason);
}

function describe(
  file: string,
  session: ort.InferenceSession,
  provider: Provider,
  fallbackReason: string | null,
): ModelSession {
  return { file, session, provider, fallbackReason, inputNames: session.inputNames, outputNames: session.outputNames };
}
