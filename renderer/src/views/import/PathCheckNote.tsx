// The line under a path field: what the typed path holds, or why it cannot be used, as soon as typing pauses.
import type { PathCheck } from './usePathCheck';
import './pathCheck.css';

export function PathCheckNote({ check, testId }: { check: PathCheck; testId: string }) {
  if (check.state === 'idle') return null;
  const className =
    check.state === 'checking' ? 'path-check muted small' : check.ok ? 'path-check ok' : 'path-check problem';
  return (
    <p className={className} role="status" aria-live="polite" data-testid={testId}>
      {check.state === 'checking' ? 'Checking…' : check.text}
    </p>
  );
}
