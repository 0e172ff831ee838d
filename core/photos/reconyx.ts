// Reconyx HyperFire maker notes: the camera's user label, serial number and its own trigger grouping
// (event number, "frame 3 of 10"). Layout: little-endian 16-bit words, starting with the version word 0xF101
// (as documented for ExifTool's Reconyx HyperFire table).

export interface ReconyxInfo {
  serial: string | null;
  label: string | null;
  event: number;
  frame: number;
  frames: number;
}

const HYPERFIRE_VERSION = 0xf101;
const WORD = {
  sequence: 0x07, // int16u[2]: frame, frames in event
  event: 0x09, // int16u[2]: high, low
  serial: 0x15, // UTF-16LE[15]
  label: 0x2b, // ASCII[22]
} as const;

function utf16(buf: Buffer, word: number, chars: number): string {
  const start = word * 2;
  return buf
    .subarray(start, start + chars * 2)
    .toString('utf16le')
    .replace(/\0.*$/s, '')
    .trim();
}

function ascii(buf: Buffer, word: number, bytes: number): string {
  const start = word * 2;
  return buf
    .subarray(start, start + bytes)
    .toString('latin1')
    .replace(/\0.*$/s, '')
    .trim();
}

export function parseReconyxMakerNote(note: Buffer | undefined): ReconyxInfo | null {
  if (!note || note.length < WORD.label * 2 + 22 || note.readUInt16LE(0) !== HYPERFIRE_VERSION) return null;
  const frame = note.readUInt16LE(WORD.sequence * 2);
  const frames = note.readUInt16LE(WORD.sequence * 2 + 2);
  const event = note.readUInt16LE(WORD.event * 2) * 0x10000 + note.readUInt16LE(WORD.event * 2 + 2);
  if (frames === 0 || frame === 0 || frame > frames) return null;
  return {
    serial: utf16(note, WORD.serial, 15) || null,
    label: ascii(note, WORD.label, 22) || null,
    event,
    frame,
    frames,
  };
}
