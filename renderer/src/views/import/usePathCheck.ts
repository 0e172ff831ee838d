// A typed path checked as you type: once typing pauses (300 ms) the path is checked, one check at a time (a card or
// a big folder takes a moment to look at), and only the answer for what the field holds now is shown.
import { useEffect, useRef, useState } from 'react';

export interface CheckAnswer {
  ok: boolean;
  text: string;
}

export type PathCheck = { state: 'idle' } | { state: 'checking' } | ({ state: 'done'; path: string } & CheckAnswer);

export const CHECK_DELAY_MS = 300;

export function usePathCheck(value: string, check: (path: string) => Promise<CheckAnswer>): PathCheck {
  const [result, setResult] = useState<PathCheck>({ state: 'idle' });
  const checkRef = useRef(check);
  checkRef.current = check;
  /** What the field holds now, and the path whose pause has come (the one to check next). */
  const latest = useRef('');
  const wanted = useRef('');
  const busy = useRef(false);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    const path = value.trim();
    latest.current = path;
    if (!path) {
      setResult({ state: 'idle' });
      return;
    }
    setResult({ state: 'checking' });
    const timer = setTimeout(() => {
      wanted.current = path;
      void runChecks();
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);

  /** Checks `wanted` until it stops changing; a check already running picks up the next path when it ends. */
  async function runChecks(): Promise<void> {
    if (busy.current) return;
    busy.current = true;
    try {
      for (;;) {
        const path = wanted.current;
        const answer = await checkRef.current(path).catch((e: Error) => ({ ok: false, text: e.message }));
        if (!live.current) return;
        if (latest.current === path) setResult({ state: 'done', path, ...answer });
        if (wanted.current === path) return;
      }
    } finally {
      busy.current = false;
    }
  }

  return result;
}
