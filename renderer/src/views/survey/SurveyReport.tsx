// One survey's numbers as a report: the summary tiles, the Jacobson estimate with its interval and method, charts by
// week and hour, the table per camera and the best photo of each unique buck. The same markup prints as the report.
import type { ByClass, SurveyResult } from '../../../../core/contract/survey';
import { RatioLine } from '../../charts/RatioLine';
import { StackedBars, type Series } from '../../charts/StackedBars';
import { Thumb } from '../../components/Thumb';
import { formatCount } from '../../lib/format';
import { navigate } from '../../store/nav';

export const CLASS_SERIES: Series[] = [
  { key: 'buck', label: 'buck', color: 'var(--class-buck)' },
  { key: 'doe', label: 'doe', color: 'var(--class-doe)' },
  { key: 'fawn', label: 'fawn', color: 'var(--class-fawn)' },
  { key: 'unknown', label: 'unknown', color: 'var(--class-unknown)' },
];

const ratio = (v: number | null) => (v === null ? '–' : v.toFixed(2));
const one = (v: number) => (Math.round(v * 10) / 10).toLocaleString();
const values = (c: ByClass): Record<string, number> => ({ ...c });

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="tile survey-figure">
      <span className="tile-value tabular">{value}</span>
      <span className="tile-label">{label}</span>
      {sub && <span className="tile-sub">{sub}</span>}
    </div>
  );
}

/** Week labels drop the year when the survey lies within one. */
const weekLabel = (week: string, oneYear: boolean) => (oneYear ? week.slice(5) : week);

export function SurveyReport({ survey, cameraNames }: { survey: SurveyResult; cameraNames: Map<number, string> }) {
  const o = survey.observations;
  const total = o.buck + o.doe + o.fawn + o.unknown;
  const e = survey.estimate;
  const oneYear = new Set(survey.weekly.map((w) => w.week.slice(0, 4))).size <= 1;
  const cameras = survey.cameras.length
    ? survey.cameras.map((id) => cameraNames.get(id) ?? `camera ${id}`).join(', ')
    : 'all cameras';
  return (
    <article className="survey-report" data-testid="survey-report">
      <header className="survey-report-title">
        <h2>Deer survey</h2>
        <p className="muted">
          {survey.from ?? 'first photo'} to {survey.to ?? 'last photo'} · {cameras} ·{' '}
          {formatCount(total, 'observation')} in {formatCount(survey.visits, 'visit')}
        </p>
      </header>

      <section className="survey-figures" aria-label="Summary">
        <Figure label="Unique bucks" value={String(survey.uniqueBucks)} sub="antlered bucks told apart" />
        <Figure
          label="Estimated deer"
          value={e ? one(e.total) : '–'}
          sub={
            survey.interval
              ? `95% interval ${one(survey.interval.total[0])} to ${one(survey.interval.total[1])}`
              : 'no interval'
          }
        />
        <Figure label="Buck : doe" value={ratio(survey.ratios.buckToDoe)} sub="buck per doe observation" />
        <Figure label="Fawn : doe" value={ratio(survey.ratios.fawnToDoe)} sub="fawn recruitment" />
        <Figure label="Minimum known alive" value={String(survey.minimumKnownAlive)} sub="individual deer seen" />
      </section>

      <section className="panel survey-estimate">
        <header className="panel-header">
          <h2>Estimate (Jacobson et al. 1997)</h2>
        </header>
        <table className="table survey-table" data-testid="survey-estimate">
          <thead>
            <tr>
              <th />
              <th className="num">Observations</th>
              <th className="num">Estimated</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Bucks</td>
              <td className="num">{o.buck}</td>
              <td className="num">{e ? one(e.bucks) : '–'}</td>
            </tr>
            <tr>
              <td>Does</td>
              <td className="num">{o.doe}</td>
              <td className="num">{e ? one(e.does) : '–'}</td>
            </tr>
            <tr>
              <td>Fawns</td>
              <td className="num">{o.fawn}</td>
              <td className="num">{e ? one(e.fawns) : '–'}</td>
            </tr>
            <tr>
              <td>Unknown</td>
              <td className="num">{o.unknown}</td>
              <td className="num muted">not counted</td>
            </tr>
            <tr className="survey-total">
              <td>Total</td>
              <td className="num">{total}</td>
              <td className="num">{e ? one(e.total) : '–'}</td>
            </tr>
          </tbody>
        </table>
        <p className="muted small survey-method">
          Bucks are the unique antlered bucks you identified; does = bucks × doe / buck observations; fawns = does ×
          fawn / doe observations. {survey.method}
        </p>
      </section>

      <div className="survey-charts">
        <section className="panel">
          <header className="panel-header">
            <h2>Observations per week</h2>
          </header>
          {survey.weekly.length ? (
            <StackedBars
              label="Observations per week by class"
              series={CLASS_SERIES}
              columns={survey.weekly.map((w) => ({
                key: w.week,
                label: weekLabel(w.week, oneYear),
                values: values(w.observations),
              }))}
              labelEvery={Math.ceil(survey.weekly.length / 8)}
            />
          ) : (
            <p className="muted">No dated observations in this window.</p>
          )}
        </section>
        <section className="panel">
          <header className="panel-header">
            <h2>Fawn : doe per week</h2>
          </header>
          <RatioLine
            label="Fawn to doe ratio per week"
            points={survey.weekly.map((w) => ({ key: w.week, label: w.week, value: w.fawnToDoe }))}
          />
        </section>
        <section className="panel span-2">
          <header className="panel-header">
            <h2>Activity by hour of day</h2>
          </header>
          <StackedBars
            label="Observations by hour of day and class"
            series={CLASS_SERIES}
            columns={survey.hourly.map((h) => ({
              key: String(h.hour),
              label: `${h.hour}h`,
              values: values(h.observations),
            }))}
            labelEvery={3}
            height={140}
          />
        </section>
      </div>

      <section className="panel">
        <header className="panel-header">
          <h2>Per camera</h2>
        </header>
        <table className="table survey-table" data-testid="survey-cameras">
          <thead>
            <tr>
              <th>Camera</th>
              {CLASS_SERIES.map((s) => (
                <th key={s.key} className="num capitalize">
                  {s.label}
                </th>
              ))}
              <th className="num">Unique bucks</th>
              <th className="num">Visits</th>
            </tr>
          </thead>
          <tbody>
            {survey.perCamera.map((c) => (
              <tr key={c.cameraId}>
                <td>{c.camera}</td>
                <td className="num">{c.observations.buck}</td>
                <td className="num">{c.observations.doe}</td>
                <td className="num">{c.observations.fawn}</td>
                <td className="num">{c.observations.unknown}</td>
                <td className="num">{c.uniqueBucks}</td>
                <td className="num">{c.visits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {survey.bucks.length > 0 && (
        <section className="panel survey-bucks">
          <header className="panel-header">
            <h2>The bucks</h2>
          </header>
          <div className="survey-buck-grid">
            {survey.bucks.map((b) => (
              <button
                key={b.individualId}
                type="button"
                className="survey-buck"
                onClick={() => navigate({ view: 'deer-profile', individualId: b.individualId })}
              >
                <Thumb media={{ kind: 'crop', id: b.detectionId }} alt={b.name} />
                <span className="survey-buck-name">{b.name}</span>
                <span className="muted small">{formatCount(b.sightings, 'sighting')}</span>
              </button>
            ))}
          </div>
        </section>
      )}
    </article>
  );
}
