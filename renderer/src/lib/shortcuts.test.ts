import { describe, expect, it } from 'vitest';
import { handleShortcut, isTypingTarget } from './shortcuts';

describe('handleShortcut', () => {
  it('goes to a section with g then a letter', () => {
    const first = handleShortcut({ pendingG: null }, 'g', 1000);
    expect(first.action).toBeNull();
    const second = handleShortcut(first.state, 'p', 1500);
    expect(second.action).toMatchObject({ kind: 'go', route: { view: 'photos' } });
    expect(second.state.pendingG).toBeNull();
  });

  it('forgets a stale g prefix', () => {
    const first = handleShortcut({ pendingG: null }, 'g', 1000);
    expect(handleShortcut(first.state, 'p', 5000).action).toBeNull();
  });

  it('maps help, theme and search', () => {
    expect(handleShortcut({ pendingG: null }, '?', 0).action).toEqual({ kind: 'help' });
    expect(handleShortcut({ pendingG: null }, 't', 0).action).toEqual({ kind: 'theme' });
    expect(handleShortcut({ pendingG: null }, '/', 0).action).toEqual({ kind: 'search' });
    expect(handleShortcut({ pendingG: null }, 'x', 0).action).toBeNull();
  });

  it('ignores keys typed into fields', () => {
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('div'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
