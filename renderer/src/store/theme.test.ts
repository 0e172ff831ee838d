import { describe, expect, it } from 'vitest';
import { nextPreference, resolveTheme, type ThemePreference } from './theme';

describe('nextPreference', () => {
  it('changes the visible theme on every press, from any start, on a light or a dark desktop', () => {
    for (const systemDark of [false, true]) {
      for (const start of ['system', 'light', 'dark'] as ThemePreference[]) {
        const next = nextPreference(start, systemDark);
        expect(resolveTheme(next, systemDark)).not.toBe(resolveTheme(start, systemDark));
      }
    }
    // The first press on a fresh install (following a light desktop) goes dark, not to an identical "light".
    expect(nextPreference('system', false)).toBe('dark');
    expect(nextPreference('dark', false)).toBe('system');
  });
});
