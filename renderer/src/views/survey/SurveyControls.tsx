// The survey's window: first and last day (inclusive, the cameras' local time) and the cameras (none chosen = all).
import type { SurveyWindow } from '../../../../core/contract/survey';

export function SurveyControls({
  value,
  onChange,
  cameraNames,
}: {
  value: SurveyWindow;
  onChange: (w: SurveyWindow) => void;
  cameraNames: Map<number, string>;
}) {
  const toggle = (id: number) =>
    onChange({
      ...value,
      cameras: value.cameras.includes(id)
        ? value.cameras.filter((c) => c !== id)
        : [...value.cameras, id].sort((a, b) => a - b),
    });
  const invalid = value.from !== null && value.to !== null && value.from > value.to;
  return (
    <div className="survey-controls" aria-label="Survey window">
      <label className="field">
        <span>From</span>
        <input
          type="date"
          value={value.from ?? ''}
          onChange={(e) => onChange({ ...value, from: e.target.value || null })}
        />
      </label>
      <label className="field">
        <span>To</span>
        <input
          type="date"
          value={value.to ?? ''}
          onChange={(e) => onChange({ ...value, to: e.target.value || null })}
        />
      </label>
      {invalid && <span className="field-error">The survey ends before it starts.</span>}
      <div className="survey-cameras" role="group" aria-label="Cameras">
        <span className="muted small">Cameras</span>
        <button
          type="button"
          className={value.cameras.length === 0 ? 'chip on' : 'chip'}
          onClick={() => onChange({ ...value, cameras: [] })}
        >
          All
        </button>
        {[...cameraNames.entries()].map(([id, name]) => (
          <button
            key={id}
            type="button"
            className={value.cameras.includes(id) ? 'chip on' : 'chip'}
            aria-pressed={value.cameras.includes(id)}
            onClick={() => toggle(id)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
