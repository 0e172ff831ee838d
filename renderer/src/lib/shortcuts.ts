// Global keyboard shortcuts: "g" then a letter goes to a section (as in many web apps; plain digits belong to the
// viewer's zoom and Alt/Ctrl+digit switch browser tabs), "?" shows the list. Pure so it can be tested.
import type { Route } from './route';
import { DEFAULT_FILTERS } from './filters';

export const GO_KEYS: Record<string, { label: string; route: Route }> = {
  d: { label: 'Dashboard', route: { view: 'dashboard' } },
  i: { label: 'Import', route: { view: 'import' } },
  p: { label: 'Photos', route: { view: 'photos', filters: DEFAULT_FILTERS } },
  e: { label: 'Deer', route: { view: 'deer' } },
  a: { label: 'Other animals', route: { view: 'others' } },
  r: { label: 'Review', route: { view: 'review' } },
  s: { label: 'Survey', route: { view: 'survey' } },
  c: { label: 'Cameras', route: { view: 'cameras' } },
  m: { label: 'Models', route: { view: 'models' } },
  x: { label: 'Export', route: { view: 'export' } },
};

export type ShortcutAction = { kind: 'go'; route: Route } | { kind: 'help' } | { kind: 'theme' } | { kind: 'search' };

export interface ShortcutState {
  /** Time the "g" prefix was pressed, or null. */
  pendingG: number | null;
}

/** Seconds a "g" prefix waits for its letter. */
const PREFIX_MS = 1500;

export function handleShortcut(
  state: ShortcutState,
  key: string,
  now: number,
): { state: ShortcutState; action: ShortcutAction | null } {
  if (state.pendingG !== null && now - state.pendingG < PREFIX_MS) {
    const go = GO_KEYS[key.toLowerCase()];
    return { state: { pendingG: null }, action: go ? { kind: 'go', route: go.route } : null };
  }
  switch (key) {
    case 'g':
      return { state: { pendingG: now }, action: null };
    case '?':
      return { state: { pendingG: null }, action: { kind: 'help' } };
    case 't':
      return { state: { pendingG: null }, action: { kind: 'theme' } };
    case '/':
      return { state: { pendingG: null }, action: { kind: 'search' } };
    default:
      return { state: { pendingG: null }, action: null };
  }
}

/** Typing in a field must never trigger shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
