// The built renderer's files (dist/renderer), for the serve mode and the Electron app protocol. The only place a
// request path picks a file, so it is decoded once, normalised, and must stay inside the folder; a path without a file
// extension gets the app's index.html (client-side routes).
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webp': 'image/webp',
};

export interface StaticFile {
  file: string;
  contentType: string;
}

export function resolveStatic(root: string, rawPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const exists = rel !== '' && fs.existsSync(file) && fs.statSync(file).isFile();
  // A missing asset is a 404; a missing route ("/deer/12") is the app, which routes on the client.
  if (!exists && path.extname(file) !== '') return null;
  const chosen = exists ? file : path.join(root, 'index.html');
  if (!fs.existsSync(chosen)) return null;
  return { file: chosen, contentType: TYPES[path.extname(chosen).toLowerCase()] ?? 'application/octet-stream' };
}
