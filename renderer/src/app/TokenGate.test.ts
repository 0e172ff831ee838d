import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL } from '../../../core/contract';
import { missingServeToken } from './TokenGate';

const page = (search: string, extra: Record<string, unknown> = {}) =>
  ({ location: { search }, ...extra }) as unknown as Window;

describe('missingServeToken', () => {
  it('is true for a browser page without its token, false with one or in the desktop app', () => {
    expect(missingServeToken(page(''))).toBe(true);
    expect(missingServeToken(page('?token='))).toBe(true);
    expect(missingServeToken(page('?token=abc'))).toBe(false);
    expect(missingServeToken(page('', { [BRIDGE_GLOBAL]: {} }))).toBe(false);
  });
});
