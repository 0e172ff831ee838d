// Test support: a tiny ONNX graph that behaves like a YOLOv5/MegaDetector export ([B,3,H,W] -> [B,N,5+C]) with
// known outputs, so the YOLOv5 decoder and dynamic batching are tested through onnxruntime without real weights.
// output = rows + 0 * mean(images): every image of the batch gets the same rows.
import { onnx } from 'onnx-proto';

export interface TinyModelOptions {
  size: number;
  /** Each row: cx, cy, w, h (input pixels), objectness, class scores. */
  rows: number[][];
  /** Ultralytics-style metadata `names`, e.g. "{0: 'animal', 1: 'person', 2: 'vehicle'}". */
  names?: string;
}

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

const valueInfo = (name: string, dims: (number | string)[]): onnx.IValueInfoProto => ({
  name,
  type: {
    tensorType: {
      elemType: FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  },
});

export function tinyYolov5Model(options: TinyModelOptions): Uint8Array {
  const width = options.rows[0]!.length;
  const model: onnx.IModelProto = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'thumper-test',
    metadataProps: options.names
      ? [
          { key: 'names', value: options.names },
          { key: 'stride', value: '32' },
        ]
      : [],
    graph: {
      name: 'tiny_yolov5',
      input: [valueInfo('images', ['batch', 3, options.size, options.size])],
      output: [valueInfo('output', ['batch', options.rows.length, width])],
      initializer: [
        { name: 'rows', dataType: FLOAT, dims: [1, options.rows.length, width], floatData: options.rows.flat() },
        { name: 'zero', dataType: FLOAT, dims: [], floatData: [0] },
        { name: 'shape', dataType: INT64, dims: [3], int64Data: [-1, 1, 1] },
      ],
      node: [
        {
          opType: 'ReduceMean',
          input: ['images'],
          output: ['mean'],
          attribute: [{ name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [1, 2, 3] }],
        },
        { opType: 'Reshape', input: ['mean', 'shape'], output: ['mean3'] },
        { opType: 'Mul', input: ['mean3', 'zero'], output: ['nothing'] },
        { opType: 'Add', input: ['nothing', 'rows'], output: ['output'] },
      ],
    },
  };
  return onnx.ModelProto.encode(model).finish();
}
