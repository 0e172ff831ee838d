import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../lib/filters';
import { parseRoute, sectionOf } from '../lib/route';
import { useNav } from './nav';
import { resolveTheme, useTheme } from './theme';

afterEach(() => {
  window.history.replaceState(null, '', '#/dashboard');
  useNav.getState().syncFromLocation();
  window.localStorage.clear();
});

describe('nav store', () => {
  it('writes routes to the hash and reads them back on back/forward', () => {
    useNav.getState().navigate({ view: 'photos', filters: { ...DEFAULT_FILTERS, cameraIds: [3] } });
    expect(window.location.hash).toBe('#/photos?camera=3');
    expect(useNav.getState().route).toMatchObject({ view: 'photos', filters: { cameraIds: [3] } });
    window.history.replaceState(null, '', '#/deer/7');
    useNav.getState().syncFromLocation();
    expect(useNav.getState().route).toEqual({ view: 'deer-profile', individualId: 7 });
  });

  it('keeps the query string (serve mode token) when navigating', () => {
    window.history.replaceState(null, '', '/?token=abc#/dashboard');
    useNav.getState().navigate({ view: 'review' });
    expect(window.location.search).toBe('?token=abc');
    expect(window.location.hash).toBe('#/review');
  });

  it('routes to calibration (under Review), models and export', () => {
    for (const view of ['calibration', 'models', 'export'] as const) {
      useNav.getState().navigate({ view });
      expect(window.location.hash).toBe(`#/${view}`);
      expect(parseRoute(`#/${view}`)).toEqual({ view });
    }
    expect(sectionOf({ view: 'calibration' })).toBe('review');
  });
});

describe('theme store', () => {
  it('follows the system until the user picks, and remembers the pick', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    useTheme.getState().setPreference('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('thumper.theme')).toBe('dark');
    useTheme.getState().cycle();
    expect(useTheme.getState().preference).toBe('system');
    expect(window.localStorage.getItem('thumper.theme')).toBeNull();
  });
});
