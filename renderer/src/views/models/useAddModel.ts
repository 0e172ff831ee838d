// Adding the user's own model file, shared by the Models view and the first-run banner: the file is validated by the
// host (models.add); on the desktop it is chosen in a native file dialog first.
import { useState } from 'react';
import { useApi } from '../../data/apiContext';
import { useToast } from '../../store/toast';

export interface AddModelResult {
  ok: boolean;
  text: string;
}

export function useAddModel(onAdded: () => void) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AddModelResult | null>(null);

  const add = (file: string, family = '') => {
    setBusy(true);
    setResult(null);
    api
      .call('models.add', { file, ...(family.trim() ? { family: family.trim() } : {}) })
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

  /** The native dialog, then the file it gave; the chosen path, or null when cancelled. */
  const pickAndAdd = (family = ''): Promise<string | null> =>
    api.call('dialog.pickFile', { title: 'Choose an ONNX model file', extensions: ['onnx'] }).then(
      (file) => {
        if (file) add(file, family);
        return file;
      },
      (e: Error) => {
        setResult({ ok: false, text: e.message });
        return null;
      },
    );

  return { busy, result, add, pickAndAdd };
}
