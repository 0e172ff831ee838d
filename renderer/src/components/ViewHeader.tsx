// The bar at the top of each view: title, a subtitle (counts, context) and the view's actions on the right.
import type { ReactNode } from 'react';

export function ViewHeader({
  title,
  subtitle,
  children,
  back,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
  back?: ReactNode;
}) {
  return (
    <header className="view-header">
      {back}
      <div className="view-title">
        <h1>{title}</h1>
        {subtitle && <div className="view-subtitle">{subtitle}</div>}
      </div>
      <div className="view-actions">{children}</div>
    </header>
  );
}
