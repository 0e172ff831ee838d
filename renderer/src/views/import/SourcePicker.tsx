// Where photos come from: dropped folders or a folder picker on the desktop; in a browser (serve mode) a path on the
// serving machine, because a web page never learns the real path of a dropped folder.
import { useState, type DragEvent } from 'react';
import { Icon } from '../../components/Icon';
import { useApi } from '../../data/apiContext';
import { useQuery } from '../../data/useQuery';
import { useVolumes } from '../../store/volumes';
import { describeSource, pathNotToCheck } from './sourceCheck';
import { PathCheckNote } from './PathCheckNote';
import { usePathCheck } from './usePathCheck';

export function SourcePicker({
  sources,
  onChange,
  problems = {},
}: {
  sources: string[];
  onChange: (sources: string[]) => void;
  /** Why a source cannot be imported, by source (it does not exist, it cannot be read). */
  problems?: Record<string, string>;
}) {
  const api = useApi();
  const info = useQuery('app-info', (a) => a.call('app.info', {}));
  const [path, setPath] = useState('');
  const [hover, setHover] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const canPick = info.data?.capabilities.pickFolder ?? false;
  const canDrop = info.data?.capabilities.dropPaths ?? false;
  // What the typed path holds, checked as it is typed (the same preview the Import view shows once it is added).
  const checked = usePathCheck(path, async (p) => {
    const refused = pathNotToCheck(p);
    if (refused) return { ok: false, text: refused };
    return describeSource(await api.call('import.preview', { sources: [p] }));
  });

  const add = (more: string[]) => onChange([...new Set([...sources, ...more.map((p) => p.trim()).filter(Boolean)])]);
  const volumes = useVolumes();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setHover(false);
    const paths = [...e.dataTransfer.files].map((f) => api.pathForFile(f)).filter((p): p is string => !!p);
    if (paths.length) {
      setNote(null);
      add(paths);
    } else {
      setNote(
        'A browser cannot see where a dropped folder lives. Type its path on the machine running Thumper in the field above.',
      );
    }
  };

  const pick = () => {
    api.call('dialog.pickFolder', { title: 'Choose an SD card or a folder of photos' }).then(
      (p) => p && add([p]),
      (e: Error) => setNote(e.message),
    );
  };

  return (
    <div className="source-picker">
      <div
        className={hover ? 'drop-zone hover' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setHover(true);
        }}
        onDragLeave={() => setHover(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <Icon name="card" size={32} />
        <p className="drop-title">
          {canDrop ? 'Drop an SD card or folders here' : 'Type the path of a card or folder below'}
        </p>
        <p className="muted small">
          {canDrop ? '' : 'In a browser the path is on the computer running Thumper. '}JPEG photos and video clips (MP4,
          MOV, AVI) in any sub-folder are found (DCIM/100RECNX …).
        </p>
        {canPick && (
          <button type="button" className="btn" onClick={pick}>
            <Icon name="folder" size={16} /> Choose folder…
          </button>
        )}
      </div>
      <form
        className="path-field"
        onSubmit={(e) => {
          e.preventDefault();
          add([path]);
          setPath('');
        }}
      >
        <label htmlFor="import-path">{canPick ? 'Or type a path' : 'Folder path on this computer'}</label>
        <div className="input-row">
          <input
            id="import-path"
            type="text"
            value={path}
            spellCheck={false}
            placeholder="/media/sdcard/DCIM"
            onChange={(e) => setPath(e.target.value)}
            data-testid="import-path"
          />
          <button type="submit" className="btn" disabled={!path.trim()}>
            Add
          </button>
        </div>
        <PathCheckNote check={checked} testId="import-path-check" />
      </form>
      {volumes.volumes
        .filter((v) => !sources.includes(v.path))
        .map((v) => (
          <div key={v.path} className="inline-note flush volume-hint" role="status">
            <Icon name="card" size={16} /> SD card inserted: <code>{v.label ?? v.path}</code>
            <button type="button" className="btn small" onClick={() => add([v.path])}>
              Use it
            </button>
            <button type="button" className="btn ghost small" onClick={() => volumes.dismiss(v.path)}>
              Ignore
            </button>
          </div>
        ))}
      {note && <p className="inline-warning">{note}</p>}
      {sources.length > 0 && (
        <ul className="chips" aria-label="Sources">
          {sources.map((s) => (
            <li key={s} className={problems[s] ? 'chip has-error' : 'chip'}>
              <code>{s}</code>
              {problems[s] && (
                <span className="chip-error" role="alert">
                  {problems[s]}
                </span>
              )}
              <button
                type="button"
                className="chip-x"
                aria-label={`Remove ${s}`}
                onClick={() => onChange(sources.filter((x) => x !== s))}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
