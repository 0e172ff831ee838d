// The "?" sheet: every keyboard shortcut in one place.
import { useEffect, useRef } from 'react';
import { GO_KEYS } from '../lib/shortcuts';

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'Anywhere',
    keys: [
      ...Object.entries(GO_KEYS).map(([k, v]) => [`g ${k}`, v.label] as [string, string]),
      ['/', 'Search or filter'],
      ['t', 'Switch theme'],
      ['?', 'This help'],
    ],
  },
  {
    title: 'Photos',
    keys: [
      ['← → ↑ ↓', 'Move in the grid'],
      ['Enter', 'Open the photo'],
      ['Page Up/Down, Home/End', 'Jump'],
    ],
  },
  {
    title: 'Review',
    keys: [
      ['y / Enter', 'Same deer (merge)'],
      ['n', 'Different deer'],
      ['s', 'Skip'],
      ['u, Ctrl+Z', 'Undo'],
      ['← →', 'Other candidates'],
      ['↑ ↓', 'Other deer'],
      ['b d f', 'Buck / doe / fawn (active side)'],
      ['+ − 0', 'Zoom on the deer / fit'],
      ['Space', 'Switch the active side'],
      ['l', 'Link or unlink the zoom'],
      ['o', 'Open the profile'],
    ],
  },
  {
    title: 'Deer, other animals and profiles',
    keys: [
      ['s', 'Species of the selection, focused card or profile'],
      ['b d f u', 'Buck / doe / fawn / unknown (selected crops, else the individual)'],
    ],
  },
  {
    title: 'Viewer',
    keys: [
      ['+ / −', 'Zoom in / out'],
      ['0', 'Fit the photo'],
      ['← →', 'Previous / next photo (pan when zoomed)'],
      ['[ ]', 'Previous / next box'],
      ['a', 'Draw a missed box'],
      ['b d f u', 'Buck / doe / fawn / unknown (selected box)'],
      ['Esc', 'Back to the grid'],
      ['Double-click', 'Zoom to detail / fit'],
    ],
  },
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="sheet"
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-label="Keyboard shortcuts"
    >
      <header className="sheet-header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="btn ghost" onClick={onClose} aria-label="Close">
          Esc
        </button>
      </header>
      <div className="shortcut-groups">
        {GROUPS.map((g) => (
          <section key={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.keys.map(([k, v]) => (
                <div key={k} className="shortcut-row">
                  <dt>
                    <kbd>{k}</kbd>
                  </dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
