// A model file path typed in the browser, checked as it is typed (the desktop app picks the file in a native dialog):
// there, a regular .onnx file with bytes in it, readable. The full validation (opening it with onnxruntime, its family
// and classes) is models.add's; this only says at once what is wrong with the path.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface ModelFileCheck {
  /** Why the path cannot be added, in words; null when it looks like a model file. */
  problem: string | null;
  bytes: number | null;
}

export async function checkModelFile(file: string): Promise<ModelFileCheck> {
  const refuse = (problem: string, bytes: number | null = null) => ({ problem, bytes });
  if (!path.isAbsolute(file)) return refuse('type the full path of the file, starting with /');
  const stat = await fs.stat(file).catch((err: NodeJS.ErrnoException) => err);
  if (stat instanceof Error) {
    if (stat.code === 'ENOENT' || stat.code === 'ENOTDIR') return refuse('no such file on this computer');
    if (stat.code === 'EACCES' || stat.code === 'EPERM')
      return refuse('Thumper is not allowed to read it (permission denied)');
    return refuse(`cannot be read: ${stat.message}`);
  }
  if (stat.isDirectory()) return refuse('a folder, not a model file: use "Use a models folder…" for a folder');
  if (!stat.isFile()) return refuse('not a regular file');
  if (path.extname(file).toLowerCase() !== '.onnx') return refuse('not an ONNX model (.onnx) file', stat.size);
  if (stat.size === 0) return refuse('an empty file (0 bytes)', 0);
  try {
    await fs.access(file, fs.constants.R_OK);
  } catch {
    return refuse('Thumper is not allowed to read it (permission denied)', stat.size);
  }
  return { problem: null, bytes: stat.size };
}
