// Deer survey: choose the days and cameras, read the counts and the Jacobson estimate, compare with a saved survey,
// and take it away as a printed report (PDF) or CSV.
import { useMemo, useState } from 'react';
import type { SavedSurvey, SurveyWindow } from '../../../core/contract/survey';
import { Icon } from '../components/Icon';
import { ErrorNote, LoadingBar, Skeleton } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useCameraNames } from '../data/useCameraNames';
import { useQuery } from '../data/useQuery';
import { useToast } from '../store/toast';
import { SavedSurveys } from './survey/SavedSurveys';
import { SurveyControls } from './survey/SurveyControls';
import { SurveyReport } from './survey/SurveyReport';
import './survey/survey.css';

const windowKey = (w: SurveyWindow) => `${w.from ?? ''}|${w.to ?? ''}|${w.cameras.join(',')}`;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

export function Survey() {
  const api = useApi();
  const cameraNames = useCameraNames();
  const [window, setWindow] = useState<SurveyWindow>({ from: null, to: null, cameras: [] });
  const [compare, setCompare] = useState<SavedSurvey | null>(null);
  const key = windowKey(window);
  const info = useQuery('app-info', (a) => a.call('app.info', {}));
  const survey = useQuery(`survey:${key}`, (a) => a.call('survey.run', window), [
    'detections',
    'individuals',
    'cameras',
  ]);
  const compared = useQuery(
    `survey:compare:${compare ? windowKey(compare) : 'none'}`,
    (a) =>
      compare
        ? a.call('survey.run', { from: compare.from, to: compare.to, cameras: compare.cameras })
        : Promise.resolve(null),
    ['detections', 'individuals', 'cameras'],
  );
  const title = useMemo(
    () => `deer-survey-${window.from ?? 'start'}-to-${window.to ?? 'end'}.csv`,
    [window.from, window.to],
  );

  // The desktop app saves the PDF itself (printToPDF); a browser prints, and its dialog saves as PDF.
  const savePdf = () => {
    if (!info.data?.capabilities.savePdf) {
      globalThis.print();
      return;
    }
    api.call('dialog.savePdf', { suggestedName: title.replace(/\.csv$/, '.pdf') }).then(
      (file) => file && useToast.getState().show(`Report saved to ${file}`),
      (e: Error) => useToast.getState().show(`Could not save the PDF: ${e.message}`, { error: true }),
    );
  };

  const saveCsv = () =>
    api.call('survey.csv', window).then(
      (text) => download(title, text),
      (e: Error) => useToast.getState().show(`Could not make the CSV: ${e.message}`, { error: true }),
    );

  return (
    <div className="view survey" data-testid="view-survey">
      <ViewHeader
        title="Deer survey"
        subtitle="How many deer, the buck:doe ratio and fawn recruitment (Jacobson et al. 1997)"
      >
        <button type="button" className="btn" onClick={saveCsv}>
          <Icon name="export" /> CSV
        </button>
        <button type="button" className="btn primary" onClick={savePdf} title="Print the report or save it as PDF">
          <Icon name="export" /> Print or PDF
        </button>
      </ViewHeader>
      <div className="view-body scroll">
        <div className="survey-controls-bar">
          <SurveyControls value={window} onChange={setWindow} cameraNames={cameraNames} />
          <SavedSurveys current={window} onLoad={setWindow} compare={compare} onCompare={setCompare} />
        </div>
        <LoadingBar active={survey.loading && survey.data !== undefined} />
        {survey.error && <ErrorNote what="the survey" error={survey.error} retry={survey.reload} />}
        {!survey.data ? (
          !survey.error && <Skeleton height={320} />
        ) : (
          <div className={compare ? 'survey-columns compare' : 'survey-columns'}>
            <SurveyReport survey={survey.data} cameraNames={cameraNames} />
            {compare && compared.data && (
              <div className="survey-compared">
                <p className="survey-compared-name">Compared with “{compare.name}”</p>
                <SurveyReport survey={compared.data} cameraNames={cameraNames} />
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
