// Media are addressed by kind and database id only, never by a path: the host maps the id to a file it owns.
// The same path shape is used by the HTTP route (serve mode) and the custom protocol (Electron).
export const MEDIA_KINDS = ['original', 'preview', 'thumbnail', 'crop', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** original, preview and thumbnail take a photo id; crop takes a detection id; video a clip's id (a playable MP4). */
export interface MediaRef {
  kind: MediaKind;
  id: number;
}

/**
 * Long side in pixels of the derived images the host serves: a grid cell (thumbnail) and a viewer that fills most of
 * a laptop screen (preview). The viewer switches to the original once a photo is drawn wider than the preview.
 */
export const THUMB_SIDE = 320;
export const PREVIEW_SIDE = 1024;

export const MEDIA_SCHEME = 'thumper-media';
export const MEDIA_ROUTE = '/media/';

const MEDIA_PATH = new RegExp(`^${MEDIA_ROUTE}(${MEDIA_KINDS.join('|')})/([1-9][0-9]{0,14})$`);

export function mediaPath(ref: MediaRef): string {
  return `${MEDIA_ROUTE}${ref.kind}/${ref.id}`;
}

/**
 * Parses a request path (before any percent-decoding, query string removed). Anything that is not exactly
 * /media/<kind>/<positive integer> is refused: no decoding means `%2e%2e` or `%2f` can never turn into `..` or `/`.
 */
export function parseMediaPath(rawPath: string): MediaRef | null {
  const match = MEDIA_PATH.exec(rawPath);
  if (!match) return null;
  return { kind: match[1] as MediaKind, id: Number(match[2]) };
}
