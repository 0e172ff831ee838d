// Bring your own model: the path of an .onnx file (an Ultralytics export, MegaDetector), optionally its family; the
// host validates it and reads its class names, then it can be chosen like a catalog model.
import { useState } from 'react';
import { useApi } from '../../data/apiContext';
import { useToast } from '../../store/toast';

export function AddModel({ onAdded }: { onAdded: () => void }) {
  const api = useApi();
  const [file, setFile] = useState('');
  const [family, setFamily] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const add = () => {
    setBusy(true);
    setResult(null);
    api
      .call('models.add', { file: file.trim(), ...(family.trim() ? { family: family.trim() } : {}) })
      .then(
        (r) => {
          setResult({
            ok: true,
            text: `Added ${r.id} (${r.kind}, ${r.family}).${r.notes.length ? ` ${r.notes.join(' ')}` : ''}`,
          });
          useToast.getState().show(`Model ${r.id} added: choose it above to use it.`);
          onAdded();
        },
        (e: Error) => setResult({ ok: false, text: e.message }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form
      className="add-model"
      onSubmit={(e) => {
        e.preventDefault();
        if (file.trim()) add();
      }}
    >
      <label className="path-field">
        ONNX file (absolute path)
        <div className="input-row">
          <input
            value={file}
            onChange={(e) => setFile(e.target.value)}
            placeholder="/home/me/models/my-yolov8.onnx"
            spellCheck={false}
            data-testid="add-model-path"
          />
          <input
            className="family-input"
            value={family}
            onChange={(e) => setFamily(e.target.value)}
            placeholder="family (optional)"
            spellCheck={false}
          />
          <button type="submit" className="btn" disabled={busy || !file.trim()}>
            {busy ? 'Checking…' : 'Add'}
          </button>
        </div>
      </label>
      {result && <p className={result.ok ? 'inline-note' : 'inline-error'}>{result.text}</p>}
    </form>
  );
}
