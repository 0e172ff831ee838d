// Test support: an HTTP server on 127.0.0.1 for the length of a test file (registers its own beforeAll/afterAll),
// standing in for GitHub or any download host.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export function localServer(handler: http.RequestListener): { readonly base: string } {
  const server = http.createServer(handler);
  const state = { base: '' };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  return state;
}
