// The default embedder is the ONNX Model Zoo's int8 MobileNetV2 with one graph change: an output `embedding` =
// GeM pooling (p = 3) of the last feature map, (mean over H, W of max(x, 1e-6)^3)^(1/3), and free input height and
// width. `models fetch` downloads the pinned original and applies that change here. The ONNX file is edited at the
// protobuf level (no ONNX library at run time): every field of the model is kept byte for byte except the image
// input, which is rewritten with symbolic height and width, and the new nodes, constants and output are appended.

/** The float feature map the GeM output pools (the tensor the classifier's pooling reads, dequantized). */
export const GEM_FEATURE_MAP = '627';

// Field numbers of onnx.proto3.
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 };
const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5 };
const ATTRIBUTE = { name: 1, i: 3, type: 20 };
const ATTRIBUTE_INT = 2;
const TENSOR = { dims: 1, dataType: 2, floatData: 4, name: 8 };
const FLOAT = 1;

type Field = { field: number; wire: number; start: number; end: number; payload: [number, number] | null };

function readVarint(buf: Uint8Array, pos: number): [number, number] {
  let value = 0;
  for (let mult = 1; ; mult *= 128) {
    if (pos >= buf.length) throw new Error('truncated ONNX file');
    const b = buf[pos++]!;
    value += (b & 0x7f) * mult;
    if (b < 0x80) return [value, pos];
  }
}

/** The top-level fields of one protobuf message, each with its byte range (and its payload's, when length-delimited). */
function fields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  for (let pos = 0; pos < buf.length;) {
    const start = pos;
    const [tag, afterTag] = readVarint(buf, pos);
    const wire = tag & 7;
    let payload: [number, number] | null = null;
    if (wire === 0) pos = readVarint(buf, afterTag)[1];
    else if (wire === 1) pos = afterTag + 8;
    else if (wire === 5) pos = afterTag + 4;
    else if (wire === 2) {
      const [len, at] = readVarint(buf, afterTag);
      payload = [at, at + len];
      pos = at + len;
    } else throw new Error(`unsupported protobuf wire type ${wire} in the ONNX file`);
    out.push({ field: Math.floor(tag / 8), wire, start, end: pos, payload });
  }
  return out;
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  while (value >= 0x80) {
    bytes.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  bytes.push(value);
  return bytes;
}

const bytesField = (field: number, payload: Uint8Array) =>
  Buffer.concat([Buffer.from([...varint(field * 8 + 2), ...varint(payload.length)]), payload]);
const stringField = (field: number, text: string) => bytesField(field, Buffer.from(text, 'utf8'));
const intField = (field: number, value: number) => Buffer.from([...varint(field * 8), ...varint(value)]);
const message = (...parts: Buffer[]) => Buffer.concat(parts);

function node(opType: string, name: string, inputs: string[], outputs: string[], attributes: Buffer[] = []): Buffer {
  return bytesField(
    GRAPH.node,
    message(
      ...inputs.map((i) => stringField(NODE.input, i)),
      ...outputs.map((o) => stringField(NODE.output, o)),
      stringField(NODE.name, name),
      stringField(NODE.opType, opType),
      ...attributes.map((a) => bytesField(NODE.attribute, a)),
    ),
  );
}

function scalar(name: string, value: number): Buffer {
  const data = Buffer.alloc(4);
  data.writeFloatLE(value);
  return bytesField(
    GRAPH.initializer,
    message(intField(TENSOR.dataType, FLOAT), bytesField(TENSOR.floatData, data), stringField(TENSOR.name, name)),
  );
}

/** ValueInfoProto of a float tensor; a dimension is a number (fixed) or a name (symbolic). */
function floatTensorInfo(name: string, dims: (number | string)[]): Buffer {
  const dim = (d: number | string) => bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d));
  const shape = bytesField(2, message(...dims.map(dim)));
  const tensorType = bytesField(1, message(intField(1, FLOAT), shape));
  return message(stringField(1, name), bytesField(2, tensorType));
}

const textOf = (buf: Uint8Array, f: Field) => Buffer.from(buf.subarray(f.payload![0], f.payload![1])).toString('utf8');
const nameOf = (buf: Uint8Array, f: Field) => {
  const inner = buf.subarray(f.payload![0], f.payload![1]);
  const name = fields(inner).find((x) => x.field === 1 && x.payload);
  return name ? textOf(inner, name) : '';
};

/** Applies the GeM change to the original model's bytes; throws when the graph is not the expected MobileNetV2. */
export function addGemEmbedding(original: Uint8Array, inputName = 'input'): Buffer {
  const top = fields(original);
  const graphField = top.find((f) => f.field === MODEL_GRAPH && f.payload);
  if (!graphField) throw new Error('not an ONNX model: no graph');
  const graph = original.subarray(graphField.payload![0], graphField.payload![1]);
  const graphFields = fields(graph);
  const produces = graphFields.some((f) => {
    if (f.field !== GRAPH.node) return false;
    const inner = graph.subarray(f.payload![0], f.payload![1]);
    return fields(inner).some((x) => x.field === NODE.output && textOf(inner, x) === GEM_FEATURE_MAP);
  });
  if (!produces)
    throw new Error(`the model has no tensor "${GEM_FEATURE_MAP}": not the expected MobileNetV2 int8 graph`);
  if (!graphFields.some((f) => f.field === GRAPH.input && nameOf(graph, f) === inputName))
    throw new Error(`the model has no input "${inputName}"`);

  const axis = message(
    stringField(ATTRIBUTE.name, 'axis'),
    intField(ATTRIBUTE.i, 1),
    intField(ATTRIBUTE.type, ATTRIBUTE_INT),
  );
  const nodes = [
    node('Clip', 'gem_clip_node', [GEM_FEATURE_MAP, 'gem_eps'], ['gem_clip']),
    node('Pow', 'gem_pow_node', ['gem_clip', 'gem_p'], ['gem_pow']),
    node('GlobalAveragePool', 'gem_gap_node', ['gem_pow'], ['gem_gap']),
    node('Pow', 'gem_root_node', ['gem_gap', 'gem_inv_p'], ['gem_root']),
    node('Flatten', 'embedding_node', ['gem_root'], ['embedding'], [axis]),
  ];
  const constants = [scalar('gem_eps', 1e-6), scalar('gem_p', 3), scalar('gem_inv_p', 1 / 3)];
  const output = bytesField(GRAPH.output, floatTensorInfo('embedding', ['batch_size', 1280]));
  // New entries go where a protobuf serializer would put them (nodes and constants after their kind, the output
  // first), so the result is the file an ONNX library would write for the same change.
  const lastOf = (field: number) => graphFields.findLastIndex((f) => f.field === field);
  const firstOutput = graphFields.findIndex((f) => f.field === GRAPH.output);
  const parts = graphFields.flatMap((f, i) => {
    const bytes =
      f.field === GRAPH.input && nameOf(graph, f) === inputName
        ? bytesField(GRAPH.input, floatTensorInfo(inputName, ['batch_size', 3, 'height', 'width']))
        : Buffer.from(graph.subarray(f.start, f.end));
    if (i === firstOutput) return [output, bytes];
    if (i === lastOf(GRAPH.node)) return [bytes, ...nodes];
    if (i === lastOf(GRAPH.initializer)) return [bytes, ...constants];
    return [bytes];
  });
  if (firstOutput < 0) parts.push(output);
  const newGraph = bytesField(MODEL_GRAPH, Buffer.concat(parts));
  return Buffer.concat(top.map((f) => (f === graphField ? newGraph : Buffer.from(original.subarray(f.start, f.end)))));
}
