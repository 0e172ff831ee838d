// Light/dark theme: follows the system until the user picks one; the choice is remembered on this machine.
import { create } from 'zustand';

export type ThemePreference = 'system' | 'light' | 'dark';
const KEY = 'thumper.theme';

function stored(): ThemePreference {
  const v = window.localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function resolveTheme(pref: ThemePreference, systemDark: boolean): 'light' | 'dark' {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

const systemQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

function apply(pref: ThemePreference): void {
  document.documentElement.dataset.theme = resolveTheme(pref, systemQuery()?.matches ?? false);
}

/**
 * light -> dark -> system -> light, skipping a step that would look the same (from "system" on a light desktop the
 * next step, "light", changes nothing visible): every press of `t` changes the theme on screen.
 */
export function nextPreference(pref: ThemePreference, systemDark: boolean): ThemePreference {
  const order: ThemePreference[] = ['light', 'dark', 'system'];
  const next = order[(order.indexOf(pref) + 1) % order.length]!;
  if (resolveTheme(next, systemDark) !== resolveTheme(pref, systemDark)) return next;
  return order[(order.indexOf(next) + 1) % order.length]!;
}

interface ThemeState {
  preference: ThemePreference;
  setPreference: (p: ThemePreference) => void;
  /** light -> dark -> system -> light */
  cycle: () => void;
}

export const useTheme = create<ThemeState>((set, get) => ({
  preference: stored(),
  setPreference: (preference) => {
    if (preference === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, preference);
    apply(preference);
    set({ preference });
  },
  cycle: () => get().setPreference(nextPreference(get().preference, systemQuery()?.matches ?? false)),
}));

/** Applies the stored theme now and follows system changes while the preference is "system". */
export function installTheme(): void {
  apply(useTheme.getState().preference);
  systemQuery()?.addEventListener('change', () => apply(useTheme.getState().preference));
}
