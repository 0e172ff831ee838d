// The main window's size and position, remembered between runs. Pure over a file and the displays, so it is tested
// without Electron: a saved position on a monitor that is no longer attached falls back to the default.
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
const MIN_VISIBLE = 64;

function overlaps(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
}

/** The state to open with: the saved one if it is still visible on a display, else a default on the first display. */
export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  const area = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fallback: WindowState = {
    bounds: {
      width: Math.min(DEFAULT_SIZE.width, area.width),
      height: Math.min(DEFAULT_SIZE.height, area.height),
      x: area.x + Math.max(0, Math.round((area.width - Math.min(DEFAULT_SIZE.width, area.width)) / 2)),
      y: area.y + Math.max(0, Math.round((area.height - Math.min(DEFAULT_SIZE.height, area.height)) / 2)),
    },
    maximized: false,
  };
  let saved: WindowState;
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8')) as WindowState;
  } catch {
    return fallback;
  }
  const b = saved?.bounds;
  const valid = b && [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width >= 400 && b.height >= 300;
  if (!valid || !workAreas.some((a) => overlaps(b, a))) return fallback;
  return { bounds: b, maximized: !!saved.maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}
