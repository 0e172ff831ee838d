// Global keys (see lib/shortcuts): ignored while typing and when a modifier is held (those belong to the browser/OS).
import { useEffect, useRef } from 'react';
import { handleShortcut, isTypingTarget, type ShortcutAction, type ShortcutState } from '../lib/shortcuts';
import { navigate } from '../store/nav';
import { useTheme } from '../store/theme';

export function useGlobalShortcuts(onHelp: () => void): void {
  const state = useRef<ShortcutState>({ pendingG: null });
  useEffect(() => {
    const run = (action: ShortcutAction) => {
      switch (action.kind) {
        case 'go':
          navigate(action.route);
          break;
        case 'help':
          onHelp();
          break;
        case 'theme':
          useTheme.getState().cycle();
          break;
        case 'search':
          document.querySelector<HTMLInputElement>('[data-search]')?.focus();
          break;
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const result = handleShortcut(state.current, e.key, Date.now());
      state.current = result.state;
      if (result.action) {
        e.preventDefault();
        run(result.action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHelp]);
}
