// Horizontal bars as HTML (names need room and must stay readable): per camera, per stage, and the like.
import { niceMax } from './scale';

export interface HBar {
  key: string | number;
  label: string;
  value: number;
  detail?: string;
  onClick?: () => void;
}

export function HBarList({ items, empty }: { items: HBar[]; empty: string }) {
  if (items.length === 0) return <p className="muted small">{empty}</p>;
  const max = niceMax(Math.max(...items.map((i) => i.value)));
  return (
    <ul className="hbars">
      {items.map((i) => (
        <li key={i.key}>
          <button type="button" className="hbar" onClick={i.onClick} disabled={!i.onClick} title={i.detail ?? i.label}>
            <span className="hbar-label">{i.label}</span>
            <span className="hbar-track">
              <span className="hbar-fill" style={{ width: `${(i.value / max) * 100}%` }} />
            </span>
            <span className="hbar-value">{i.value.toLocaleString()}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
