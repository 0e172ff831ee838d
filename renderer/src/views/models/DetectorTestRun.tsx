// "Test on a photo" in the detector panel: one run of the detector on a sample photo of the library (models.testRun,
// which writes nothing), showing where it ran, how long each step took and the boxes it found on the photo.
import { useState } from 'react';
import type { MethodResult } from '../../../../core/contract/methods';
import { useApi } from '../../data/apiContext';
import { providerNoteText } from './modelWords';

type TestRun = MethodResult<'models.testRun'>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The photo's thumbnail (shown whole, not cropped) with the boxes drawn at their normalised positions. */
function BoxedPhoto({ result }: { result: TestRun & { fileName: string | null } }) {
  const api = useApi();
  return (
    <div className="test-run-photo" data-testid="test-run-photo">
      <img
        src={api.mediaUrl({ kind: 'thumbnail', id: result.photoId })}
        alt={result.fileName ?? 'the photo tested'}
        draggable={false}
      />
      {result.detections.map((d, i) => (
        <div
          key={i}
          className={`box box-${d.category} ${d.duplicate ? 'muted-box' : ''}`}
          style={{ left: `${d.x * 100}%`, top: `${d.y * 100}%`, width: `${d.w * 100}%`, height: `${d.h * 100}%` }}
          title={`${d.category} ${Math.round(d.confidence * 100)}%`}
          data-testid="test-run-box"
        />
      ))}
    </div>
  );
}

export function DetectorTestRun({ modelId, knownNote = null }: { modelId: string; knownNote?: string | null }) {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<(TestRun & { fileName: string | null }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setRunning(true);
    setError(null);
    api
      .call('models.testRun', { role: 'detector', modelId })
      // The photo is named by its file, as the person knows it, never by its database id.
      .then((r) =>
        api.call('photos.get', { id: r.photoId }).then(
          (p) => ({ ...r, fileName: p.fileName }),
          () => ({ ...r, fileName: null }),
        ),
      )
      .then(setResult, (e: Error) => {
        setResult(null);
        setError(`The test run failed: ${e.message}`);
      })
      .finally(() => setRunning(false));
  };
  const animals = result ? result.detections.filter((d) => d.category === 'animal' && !d.duplicate).length : 0;

  return (
    <div className="test-run" data-testid="detector-test-run">
      <button type="button" className="btn" onClick={run} disabled={running} data-testid="test-run-button">
        {running ? 'Testing…' : 'Test on a photo'}
      </button>
      {error && <p className="inline-error">{error}</p>}
      {result && (
        <>
          <p className="small" data-testid="test-run-summary">
            {plural(animals, 'animal')} on {result.fileName ?? 'a photo of the library'} · runs on{' '}
            {result.provider.toUpperCase()} · load {result.ms.load} ms, decode {result.ms.decode} ms, detect{' '}
            {result.ms.infer} ms
          </p>
          {/* The Models view already says once why models run on the CPU; only a different reason is news here. */}
          {result.providerNote && result.providerNote !== knownNote && (
            <p className="inline-warning">{providerNoteText(result.providerNote)}</p>
          )}
          <BoxedPhoto result={result} />
        </>
      )}
    </div>
  );
}
