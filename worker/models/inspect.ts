// What an ONNX file is, as far as Thumper cares: it loads in onnxruntime, its tensors' names and shapes, its
// metadata (Ultralytics puts class `names` there), and what it really outputs when run once on a blank image of
// its input size (symbolic dimensions in the graph are resolved only by running it). Runs in the worker only
// (`models add` sends it there as a task): a user's file may crash onnxruntime.
import * as ort from 'onnxruntime-node';
import { InvalidModelError, type OnnxInspection, type TensorInfo } from '../../core/models/inspection';
import { parseNames, readOnnxMetadata } from './onnxMetadata';

function tensorInfo(meta: readonly ort.InferenceSession.ValueMetadata[]): TensorInfo[] {
  return meta.map((m) =>
    m.isTensor ? { name: m.name, type: m.type, shape: [...m.shape] } : { name: m.name, type: 'non-tensor', shape: [] },
  );
}

/** The input size to probe with: the graph's own when fixed, else the given fallback. */
function probeSize(input: TensorInfo, fallback: { width: number; height: number }) {
  const [, , h, w] = input.shape;
  return {
    width: typeof w === 'number' && w > 0 ? w : fallback.width,
    height: typeof h === 'number' && h > 0 ? h : fallback.height,
  };
}

export async function inspectOnnx(file: string, fallbackSize = { width: 640, height: 640 }): Promise<OnnxInspection> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(file, { executionProviders: ['cpu'], intraOpNumThreads: 1 });
  } catch (err) {
    throw new InvalidModelError(
      `${file} is not a model onnxruntime can load: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  try {
    const inputs = tensorInfo(session.inputMetadata);
    const outputs = tensorInfo(session.outputMetadata);
    const image = inputs[0];
    if (
      inputs.length !== 1 ||
      !image ||
      image.shape.length !== 4 ||
      (typeof image.shape[1] === 'number' && image.shape[1] !== 3) ||
      image.type !== 'float32'
    ) {
      throw new InvalidModelError(
        `expected one float32 image input [batch, 3, height, width], found ${inputs.map((i) => `${i.name} ${i.type} [${i.shape.join(', ')}]`).join('; ')}`,
      );
    }
    const size = probeSize(image, fallbackSize);
    const feeds = {
      [image.name]: new ort.Tensor('float32', new Float32Array(3 * size.width * size.height), [
        1,
        3,
        size.height,
        size.width,
      ]),
    };
    let results: ort.InferenceSession.OnnxValueMapType;
    try {
      results = await session.run(feeds);
    } catch (err) {
      throw new InvalidModelError(
        `the model loads but fails on a ${size.width}x${size.height} image: ${(err as Error).message.split('\n')[0]}`,
      );
    }
    const probed = Object.fromEntries(Object.entries(results).map(([name, t]) => [name, [...t.dims]]));
    for (const t of Object.values(results)) t.dispose();
    const metadata = await readOnnxMetadata(file);
    return { inputs, outputs, metadata, names: parseNames(metadata.names), probe: { size, outputs: probed } };
  } finally {
    await session.release();
  }
}
