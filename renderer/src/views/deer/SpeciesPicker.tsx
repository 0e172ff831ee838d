// The species key's dialog: deer, a species the library remembers (1-9 pick one), or a new name typed in; one
// undoable edit for every individual it was opened on.
import { useEffect, useRef, useState } from 'react';
import { DEER, type IndividualSummary } from '../../../../core/contract/entities';
import { useEdit } from '../../data/useEdit';
import '../../styles/individuals.css';
import { useQuery } from '../../data/useQuery';

export function SpeciesPicker({
  individuals,
  onClose,
}: {
  individuals: Pick<IndividualSummary, 'id' | 'name' | 'species'>[];
  onClose: (changed: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const edit = useEdit();
  const list = useQuery('species-list', (api) => api.call('species.list', {}), ['individuals']);
  const [name, setName] = useState('');
  const names = list.data?.species.map((s) => s.name) ?? [DEER];
  const who = individuals.length === 1 ? individuals[0]!.name : `${individuals.length} individuals`;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);

  const choose = (species: string) => {
    const s = species.trim();
    if (!s) return;
    const ids = individuals.map((i) => i.id);
    const before = [...new Set(individuals.map((i) => i.species))].join(', ');
    void edit(`${who}: ${s}.`, (api) => api.call('edits.setSpecies', { individualIds: ids, species: s }), {
      undoes: `${who} set to ${s} (back to ${before})`,
    }).then((r) => onClose(r !== null));
  };

  return (
    <dialog
      ref={ref}
      className="sheet species-picker"
      onClose={() => onClose(false)}
      onClick={(e) => e.target === ref.current && onClose(false)}
      onKeyDown={(e) => {
        const n = Number(e.key);
        if (e.target instanceof HTMLInputElement || !Number.isInteger(n) || n < 1 || n > names.length) return;
        e.preventDefault();
        choose(names[n - 1]!);
      }}
      aria-label="Species"
      data-testid="species-picker"
    >
      <header className="sheet-header">
        <h2>Species of {who}</h2>
        <button type="button" className="btn ghost" onClick={() => onClose(false)} aria-label="Close">
          Esc
        </button>
      </header>
      <ol className="species-options">
        {names.slice(0, 9).map((s, i) => (
          <li key={s}>
            <button
              type="button"
              className={s === DEER ? 'btn primary' : 'btn'}
              onClick={() => choose(s)}
              data-species={s}
            >
              <kbd>{i + 1}</kbd> {s}
            </button>
          </li>
        ))}
      </ol>
      <form
        className="species-new"
        onSubmit={(e) => {
          e.preventDefault();
          choose(name);
        }}
      >
        <input
          type="text"
          list="species-names"
          placeholder="Another species (coyote, fox…)"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-label="Species name"
          maxLength={100}
          data-testid="species-name"
        />
        <datalist id="species-names">
          {names.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" className="btn" disabled={!name.trim()}>
          Set
        </button>
      </form>
    </dialog>
  );
}
