// Test support: the ONNX Model Zoo's MobileNetV2 int8 as the catalog's GeM embedder was made from it, rebuilt from
// the embedder itself (GeM nodes, constants and output removed, input back to 224x224), since the original file
// cannot be downloaded on the build machines.
import { onnx } from 'onnx-proto';

export function reconstructMobilenetOriginal(derived: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(derived);
  const graph = model.graph!;
  graph.node = graph.node!.filter((n) => !n.name!.startsWith('gem_') && n.name !== 'embedding_node');
  graph.initializer = graph.initializer!.filter((i) => !i.name!.startsWith('gem_'));
  graph.output = graph.output!.filter((o) => o.name !== 'embedding');
  const dims = graph.input![0]!.type!.tensorType!.shape!.dim!;
  dims[2] = { dimValue: 224 };
  dims[3] = { dimValue: 224 };
  return onnx.ModelProto.encode(model).finish();
}
