// In a browser, the serve mode answers the API only with the per-run token from the URL it printed. Without it every
// call would fail as "connection lost"; say instead what to open.
import { BRIDGE_GLOBAL } from '../../../core/contract';

/** True in a browser page opened without ?token=… (the desktop app talks through its bridge and needs none). */
export function missingServeToken(win: Window = window): boolean {
  if ((win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]) return false;
  return !new URLSearchParams(win.location.search).get('token');
}

export function TokenGate() {
  return (
    <main className="token-gate" data-testid="token-gate">
      <h1>Open Thumper with its link</h1>
      <p>
        This address is missing its access token. Open the full link that <code>thumper serve</code> printed when it
        started: it ends in <code>?token=…</code>. The token changes every time Thumper is started.
      </p>
    </main>
  );
}
