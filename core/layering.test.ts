// Which layer may import which (VS Code style): the contract is browser-safe and self-contained, the renderer reaches
// core only through the contract, and nothing outside electron/ imports Electron (it cannot run on build machines).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './paths';

function sources(dir: string): string[] {
  const root = path.join(PACKAGE_ROOT, dir);
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(root, f));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\brequire\(['"]([^'"]+)['"]\)/g),
  ].map((m) => m[1]!);
}

const rel = (file: string) => path.relative(PACKAGE_ROOT, file);

describe('layering', () => {
  it('core/contract imports only itself and zod', () => {
    for (const file of sources('core/contract')) {
      for (const spec of imports(file))
        expect(spec === 'zod' || spec.startsWith('./'), `${rel(file)} imports ${spec}`).toBe(true);
    }
  });

  it('the renderer reaches core only through core/contract', () => {
    for (const file of sources('renderer/src')) {
      for (const spec of imports(file)) {
        const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;
        if (target.startsWith('core/'))
          expect(target.startsWith('core/contract'), `${rel(file)} imports ${spec}`).toBe(true);
        expect(
          target.startsWith('server/') || target.startsWith('worker/') || target.startsWith('electron'),
          `${rel(file)} imports ${spec}`,
        ).toBe(false);
      }
    }
  });

  it('the sandboxed preload loads nothing but electron at run time', () => {
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, 'electron', 'preload.ts'), 'utf8');
    const runtime = [...text.matchAll(/(?:^|\n)import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(runtime).toEqual(['electron']);
  });

  it('only electron/ imports Electron', () => {
    for (const dir of ['core', 'server', 'worker', 'renderer/src']) {
      for (const file of sources(dir)) {
        for (const spec of imports(file)) {
          const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;
          expect(target === 'electron' || target.startsWith('electron/'), `${rel(file)} imports ${spec}`).toBe(false);
        }
      }
    }
  });
});
