// Two custom protocols: thumper-app:// serves the built renderer (so the page has a real origin for its CSP) and
// thumper-media:// serves photos, previews, thumbnails and crops by id, through the same resolver as serve mode.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { MEDIA_SCHEME, parseMediaPath } from '../core/contract';
import type { Library } from '../core/library/library';
import { contentSecurityPolicy } from '../core/services/csp';
import { byteRange, rangeHeaders } from '../core/services/byteRange';
import { resolveMedia } from '../core/services/media';
import { resolveStatic } from '../core/services/staticFiles';

export const APP_SCHEME = 'thumper-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_CSP = contentSecurityPolicy({ img: [`${MEDIA_SCHEME}:`], media: [`${MEDIA_SCHEME}:`] });

/** Schemes to register as privileged before the app is ready. */
export const PRIVILEGED_SCHEMES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

function fileResponse(
  file: string,
  contentType: string,
  headers: Record<string, string> = {},
  rangeHeader: string | null = null,
): Response {
  // A <video> seeks by asking for byte ranges.
  const size = fs.statSync(file).size;
  const range = byteRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable')
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  const part = range.kind === 'part' ? range : null;
  const body = Readable.toWeb(
    fs.createReadStream(file, part ? { start: part.start, end: part.end } : {}),
  ) as ReadableStream;
  return new Response(body, {
    status: part ? 206 : 200,
    headers: {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes',
      ...headers,
      ...(part ? rangeHeaders(part, size) : {}),
    },
  });
}

export function appResponse(rendererDir: string, request: { url: string }): Response {
  const url = new URL(request.url);
  if (url.host !== 'app') return new Response('not found', { status: 404 });
  const file = resolveStatic(rendererDir, url.pathname);
  if (!file) return new Response('not found', { status: 404 });
  return fileResponse(file.file, file.contentType, { 'Content-Security-Policy': APP_CSP });
}

export async function mediaResponse(
  library: Library | null,
  request: { url: string; headers?: { get(name: string): string | null } },
): Promise<Response> {
  // The raw path, before any decoding: new URL() keeps percent-escapes as they were sent.
  const ref = parseMediaPath(new URL(request.url).pathname);
  const media = ref && library && (await resolveMedia(library, ref));
  if (!media) return new Response('not found', { status: 404 });
  return fileResponse(
    media.file,
    media.contentType,
    { 'Cache-Control': 'private, max-age=3600' },
    request.headers?.get('range') ?? null,
  );
}
