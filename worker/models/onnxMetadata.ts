// The metadata_props of an ONNX file (onnxruntime-node does not expose them). Ultralytics exports put their class
// names there as `names` = "{0: 'doe', 1: 'fawn', ...}", which is how a user's own model brings its labels.
// A minimal protobuf walk over ModelProto's top-level fields: field 14 is metadata_props (key 1, value 2).
import fs from 'node:fs/promises';

const METADATA_PROPS = 14;

function readVarint(buf: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let mult = 1;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated ONNX file');
    const b = buf[pos++]!;
    value += (b & 0x7f) * mult;
    if (b < 0x80) return [value, pos];
    mult *= 128;
  }
}

/** Calls `onField(field, start, end)` for each length-delimited field in buf[start, end). */
function forEachBytesField(
  buf: Uint8Array,
  start: number,
  end: number,
  onField: (field: number, s: number, e: number) => void,
): void {
  let pos = start;
  while (pos < end) {
    const [tag, afterTag] = readVarint(buf, pos);
    pos = afterTag;
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) pos = readVarint(buf, pos)[1];
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const [len, afterLen] = readVarint(buf, pos);
      onField(field, afterLen, afterLen + len);
      pos = afterLen + len;
    } else throw new Error(`unsupported protobuf wire type ${wire} in ONNX file`);
  }
}

export function parseMetadataProps(buf: Uint8Array): Record<string, string> {
  const props: Record<string, string> = {};
  const text = new TextDecoder();
  forEachBytesField(buf, 0, buf.length, (field, s, e) => {
    if (field !== METADATA_PROPS) return;
    let key = '';
    let value = '';
    forEachBytesField(buf, s, e, (f, ks, ke) => {
      if (f === 1) key = text.decode(buf.subarray(ks, ke));
      if (f === 2) value = text.decode(buf.subarray(ks, ke));
    });
    props[key] = value;
  });
  return props;
}

export async function readOnnxMetadata(file: string): Promise<Record<string, string>> {
  return parseMetadataProps(await fs.readFile(file));
}

/** Class names by index from an Ultralytics `names` value (a Python dict literal, or JSON); null if absent. */
export function parseNames(value: string | undefined): string[] | null {
  if (!value) return null;
  const names: string[] = [];
  for (const m of value.matchAll(/(\d+)\s*:\s*(['"])(.*?)\2/g)) names[Number(m[1])] = m[3]!;
  if (names.length === 0) return null;
  return Array.from(names, (n, i) => n ?? `class ${i}`);
}
