// Empty, error and loading states, so every view says the same things the same way.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state" role="status">
      <div className="empty-icon">
        <Icon name={icon} size={28} />
      </div>
      <h2>{title}</h2>
      {children && <div className="empty-text">{children}</div>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}

/** An error shown where the data would have been, with a way to try again. */
export function ErrorNote({ error, retry, what }: { error: Error; retry?: () => void; what: string }) {
  return (
    <div className="error-note" role="alert">
      <Icon name="alert" size={16} />
      <span>
        Could not load {what}: {error.message}
      </span>
      {retry && (
        <button type="button" className="btn small" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A thin bar at the top of a panel while it refreshes: the old content stays usable underneath. */
export function LoadingBar({ active }: { active: boolean }) {
  return <div className={active ? 'loading-bar active' : 'loading-bar'} aria-hidden={!active} />;
}

export function Skeleton({ height = 16, width = '100%' }: { height?: number; width?: number | string }) {
  return <div className="skeleton" style={{ height, width }} />;
}
