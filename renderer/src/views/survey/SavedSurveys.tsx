// Saved surveys: save the current window under a name, load one back, or put one beside the current survey.
import { useState } from 'react';
import type { SavedSurvey, SurveyWindow } from '../../../../core/contract/survey';
import { Icon } from '../../components/Icon';
import { useApi } from '../../data/apiContext';
import { useQuery } from '../../data/useQuery';
import { useToast } from '../../store/toast';

export function SavedSurveys({
  current,
  onLoad,
  compare,
  onCompare,
}: {
  current: SurveyWindow;
  onLoad: (w: SurveyWindow) => void;
  compare: SavedSurvey | null;
  onCompare: (s: SavedSurvey | null) => void;
}) {
  const api = useApi();
  const saved = useQuery('surveys-saved', (a) => a.call('survey.saved', {}), ['surveys']);
  const [name, setName] = useState('');
  const fail = (what: string) => (e: Error) =>
    useToast.getState().show(`Could not ${what}: ${e.message}`, { error: true });
  const save = () => {
    if (!name.trim()) return;
    api.call('survey.save', { ...current, name }).then((s) => {
      setName('');
      useToast.getState().show(`Saved “${s.name}”.`);
    }, fail('save the survey'));
  };
  const remove = (s: SavedSurvey) => {
    if (compare?.id === s.id) onCompare(null);
    api.call('survey.remove', { id: s.id }).catch(fail('remove the survey'));
  };
  return (
    <div className="survey-saved">
      <form
        className="survey-save"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <input
          type="text"
          placeholder="Name this survey, e.g. September 2025"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-label="Survey name"
          maxLength={200}
        />
        <button type="submit" className="btn" disabled={!name.trim()}>
          Save
        </button>
      </form>
      {(saved.data ?? []).length > 0 && (
        <ul className="survey-saved-list" aria-label="Saved surveys">
          {saved.data!.map((s) => (
            <li key={s.id} className={compare?.id === s.id ? 'saved-survey comparing' : 'saved-survey'}>
              <button
                type="button"
                className="linklike"
                onClick={() => onLoad({ from: s.from, to: s.to, cameras: s.cameras })}
                title="Show this survey"
              >
                {s.name}
              </button>
              <span className="muted small">
                {s.from ?? '…'} to {s.to ?? '…'}
              </span>
              <button
                type="button"
                className="btn small ghost"
                aria-pressed={compare?.id === s.id}
                onClick={() => onCompare(compare?.id === s.id ? null : s)}
              >
                {compare?.id === s.id ? 'Stop comparing' : 'Compare'}
              </button>
              <button
                type="button"
                className="btn small ghost icon-btn"
                aria-label={`Remove ${s.name}`}
                title="Remove"
                onClick={() => remove(s)}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
