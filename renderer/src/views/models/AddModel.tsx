// Bring your own model: an .onnx file (an Ultralytics export, MegaDetector), optionally its family; the host validates
// it and reads its class names, then it can be chosen like a catalog model. The desktop app picks the file in a native
// dialog; a browser types its path on the computer running Thumper, checked as it is typed.
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { useApi } from '../../data/apiContext';
import { useQuery } from '../../data/useQuery';
import { formatBytes } from '../../lib/format';
import { PathCheckNote } from '../import/PathCheckNote';
import { usePathCheck } from '../import/usePathCheck';
import { useAddModel } from './useAddModel';

export function AddModel({ onAdded }: { onAdded: () => void }) {
  const api = useApi();
  const info = useQuery('app-info', (a) => a.call('app.info', {}));
  const canPick = info.data?.capabilities.pickFile ?? false;
  const [file, setFile] = useState('');
  const [family, setFamily] = useState('');
  const { busy, result, add, pickAndAdd } = useAddModel(onAdded);
  const checked = usePathCheck(canPick ? '' : file, async (p) => {
    const c = await api.call('models.checkFile', { file: p });
    return c.problem === null
      ? { ok: true, text: `ONNX file, ${formatBytes(c.bytes ?? 0)}` }
      : { ok: false, text: c.problem };
  });
  const refused = checked.state === 'done' && !checked.ok;
  const pick = () => void pickAndAdd(family).then((p) => p && setFile(p));

  const familyInput = (
    <input
      className="family-input"
      value={family}
      onChange={(e) => setFamily(e.target.value)}
      placeholder="family (optional)"
      spellCheck={false}
      aria-label="Model family (optional)"
    />
  );
  return (
    <form
      className="add-model"
      onSubmit={(e) => {
        e.preventDefault();
        if (file.trim() && !refused) add(file.trim(), family);
      }}
    >
      {canPick ? (
        <div className="path-field">
          {file ? <code data-testid="add-model-file">{file}</code> : 'An ONNX file (.onnx) on this computer'}
          <div className="input-row">
            {familyInput}
            <button type="button" className="btn" onClick={pick} disabled={busy} data-testid="add-model-pick">
              <Icon name="folder" size={16} /> {busy ? 'Checking…' : 'Choose file…'}
            </button>
          </div>
        </div>
      ) : (
        <div className="path-field">
          <label htmlFor="add-model-path">ONNX file (full path on the computer running Thumper)</label>
          <div className="input-row">
            <input
              id="add-model-path"
              value={file}
              onChange={(e) => setFile(e.target.value)}
              placeholder="/home/me/models/my-yolov8.onnx"
              spellCheck={false}
              data-testid="add-model-path"
            />
            {familyInput}
            <button type="submit" className="btn" disabled={busy || !file.trim() || refused}>
              {busy ? 'Checking…' : 'Add'}
            </button>
          </div>
          <PathCheckNote check={checked} testId="add-model-path-check" />
        </div>
      )}
      {result && <p className={result.ok ? 'inline-note' : 'inline-error'}>{result.text}</p>}
    </form>
  );
}
