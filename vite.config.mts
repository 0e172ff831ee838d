// .mts: package.json has no "type": "module", so an ESM config named .ts would be loaded as CommonJS (Vite warns).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The renderer is built from renderer/ into dist/renderer (served by Electron's protocol and by `thumper serve`).
// Vitest runs the Node-side tests (core, worker, server, electron with electron mocked) and the renderer's
// component tests in happy-dom.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  test: {
    root: '.',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['testing/globalSetup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'core/**/*.test.ts',
            'worker/**/*.test.ts',
            'server/**/*.test.ts',
            'electron/**/*.test.ts',
            'cli/**/*.test.ts',
            'bench/**/*.test.ts',
            'eslint-rules/**/*.test.ts',
          ],
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: { name: 'renderer', environment: 'happy-dom', include: ['renderer/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
