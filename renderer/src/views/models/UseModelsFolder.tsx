// "Use a models folder…": the model files from a stick or another computer, copied into the models folder in use
// after their checksums are checked, so an offline user never needs the command line.
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { useApi } from '../../data/apiContext';
import { useQuery } from '../../data/useQuery';

export function UseModelsFolder({ onDone }: { onDone?: () => void }) {
  const api = useApi();
  const info = useQuery('app-info', (a) => a.call('app.info', {}));
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const use = (folder: string) => {
    setBusy(true);
    setResult(null);
    api
      .call('models.installFromFolder', { dir: folder })
      .then(
        (r) => {
          const parts = [
            r.installed.length ? `Installed ${r.installed.join(', ')}.` : '',
            r.alreadyInstalled.length ? `Already installed: ${r.alreadyInstalled.join(', ')}.` : '',
            ...r.refused.map((f) => `${f.file}: ${f.reason}.`),
          ].filter(Boolean);
          const ok = r.installed.length + r.alreadyInstalled.length > 0;
          setResult({ ok, text: parts.length ? parts.join(' ') : 'No model Thumper knows was found in that folder.' });
          if (r.installed.length) onDone?.();
        },
        (e: Error) => setResult({ ok: false, text: e.message }),
      )
      .finally(() => setBusy(false));
  };
  const pick = () =>
    api.call('dialog.pickFolder', { title: 'Choose the folder that holds the model files' }).then(
      (p) => p && use(p),
      (e: Error) => setResult({ ok: false, text: e.message }),
    );
  return (
    <form
      className="use-models-folder"
      data-testid="use-models-folder"
      onSubmit={(e) => {
        e.preventDefault();
        if (dir.trim()) use(dir.trim());
      }}
    >
      <label className="path-field">
        Folder with the model files (.onnx), on this computer
        <div className="input-row">
          <input
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            placeholder="/media/usb/thumper-models"
            spellCheck={false}
            data-testid="models-folder-path"
          />
          <button type="submit" className="btn" disabled={busy || !dir.trim()}>
            {busy ? 'Checking…' : 'Use this folder'}
          </button>
          {info.data?.capabilities.pickFolder && (
            <button type="button" className="btn" onClick={pick} disabled={busy}>
              <Icon name="folder" size={16} /> Choose folder…
            </button>
          )}
        </div>
      </label>
      {result && (
        <p className={result.ok ? 'inline-note' : 'inline-error'} data-testid="models-folder-result">
          {result.text}
        </p>
      )}
    </form>
  );
}
