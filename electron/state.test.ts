// Window state, recent libraries and card detection: plain files and folders, no Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../core/library/library';
import { lastLibrary, recentLibraries, rememberLibrary } from './recentLibraries';
import { findCardVolumes, mountRoots } from './volumes';
import { DEFAULT_SIZE, loadWindowState, saveWindowState } from './windowState';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-state-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('opens centred at the default size the first time, and where it was left afterwards', () => {
    const file = path.join(work, 'window.json');
    expect(loadWindowState(file, screen)).toEqual({ bounds: { ...DEFAULT_SIZE, x: 240, y: 90 }, maximized: false });
    saveWindowState(file, { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it('ignores a position on a monitor that is gone, and a broken file', () => {
    const file = path.join(work, 'window2.json');
    saveWindowState(file, { bounds: { x: 3000, y: 0, width: 1000, height: 700 }, maximized: false });
    expect(loadWindowState(file, screen).bounds.x).toBe(240);
    fs.writeFileSync(file, '{not json');
    expect(loadWindowState(file, screen).bounds.width).toBe(DEFAULT_SIZE.width);
    expect(loadWindowState(file, [{ x: 0, y: 0, width: 1280, height: 720 }]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 720,
    });
  });
});

describe('recent libraries', () => {
  it('keeps the most recent first, without duplicates, and knows which still exist', () => {
    const file = path.join(work, 'recent.json');
    const a = path.join(work, 'libA');
    const b = path.join(work, 'libB');
    fs.mkdirSync(a);
    fs.writeFileSync(path.join(a, DB_FILE), '');
    rememberLibrary(file, a, new Date('2024-01-01T00:00:00Z'));
    rememberLibrary(file, b, new Date('2024-01-02T00:00:00Z'));
    rememberLibrary(file, a, new Date('2024-01-03T00:00:00Z'));
    expect(recentLibraries(file)).toEqual([
      { path: a, name: 'libA', openedAt: '2024-01-03T00:00:00.000Z', exists: true },
      { path: b, name: 'libB', openedAt: '2024-01-02T00:00:00.000Z', exists: false },
    ]);
    expect(lastLibrary(file)).toBe(a);
    expect(lastLibrary(path.join(work, 'none.json'))).toBeNull();
  });
});

describe('SD card hint', () => {
  it('finds mounted volumes that hold a DCIM folder', () => {
    const root = path.join(work, 'media');
    fs.mkdirSync(path.join(root, 'CARD', 'DCIM', '100RECNX'), { recursive: true });
    fs.mkdirSync(path.join(root, 'USBSTICK', 'docs'), { recursive: true });
    expect(findCardVolumes([root, path.join(work, 'missing')], 'linux')).toEqual([
      { path: path.join(root, 'CARD'), label: 'CARD' },
    ]);
    expect(mountRoots('darwin')).toEqual(['/Volumes']);
    expect(mountRoots('linux', 'ann')).toContain('/media/ann');
  });
});
