// The survey methods over core/survey: computing one, its CSV, and the saved surveys (announced on change).
import { ApiError } from '../contract';
import type { Db } from '../db/open';
import { removeSurvey, runSurvey, savedSurveys, saveSurvey, surveyAsCsv } from '../survey';
import type { Handlers } from './dispatch';
import type { EventHub } from './hub';

type SurveyMethods = 'survey.run' | 'survey.csv' | 'survey.saved' | 'survey.save' | 'survey.remove';

export function surveyHandlers(db: Db, events: EventHub): Pick<Handlers, SurveyMethods> {
  return {
    'survey.run': (a) => runSurvey(db, a),
    'survey.csv': (a) => surveyAsCsv(db, a),
    'survey.saved': () => savedSurveys(db),
    'survey.save': (a) => {
      const saved = saveSurvey(db, a);
      events.emit('library.changed', { scopes: ['surveys'] });
      return saved;
    },
    'survey.remove': (a) => {
      if (!removeSurvey(db, a.id)) throw new ApiError('not_found', `no saved survey ${a.id}`);
      events.emit('library.changed', { scopes: ['surveys'] });
      return { ok: true as const };
    },
  };
}
