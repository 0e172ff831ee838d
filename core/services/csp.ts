// The Content-Security-Policy of the renderer, the same for the Electron window and the serve mode: scripts only from
// the app itself, no eval, no plugins, no framing; images and clips from the app and its media route.
export function contentSecurityPolicy(extra: { connect?: string[]; img?: string[]; media?: string[] } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets style attributes through the DOM (allowed); 'unsafe-inline' covers libraries that inject <style>.
    "style-src 'self' 'unsafe-inline'",
    // The map's online tiles (renderer/src/views/map/tiles.ts), fetched only when the user turns them on.
    ["img-src 'self' data: blob: https://tile.openstreetmap.org", ...(extra.img ?? [])].join(' '),
    // Clips play from the media route.
    ["media-src 'self'", ...(extra.media ?? [])].join(' '),
    "font-src 'self' data:",
    ["connect-src 'self'", ...(extra.connect ?? [])].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
