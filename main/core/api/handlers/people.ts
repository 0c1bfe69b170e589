import { AtalayaError } from '../../db/errors';
import { readProfile } from '../../db/profile-repo';
import { authorKey } from '../../people/author-key';
import { analysePeople, MIN_HISTORY, THRESHOLDS } from '../../people/authors';
import { getAuthorDetail, listGroups, listPeople } from '../../people/people-query';
import type { Handlers } from '../handler-types';

type Methods = 'people.list' | 'people.get' | 'people.groups' | 'people.override';

/**
 * Every read first brings the analysis up to date; that recomputes only the authors whose
 * posts changed since the last run (nothing at all when nothing changed).
 */
export const peopleHandlers: Pick<Handlers, Methods> = {
  'people.list': (deps, input) => {
    const db = deps.session.require().db;
    analysePeople(db, deps.clock.now(), { full: input.refresh });
    const { refresh: _r, ...filter } = input;
    return { ...listPeople(db, filter), minHistory: MIN_HISTORY };
  },
  'people.get': (deps, input) => {
    const db = deps.session.require().db;
    analysePeople(db, deps.clock.now());
    const timezone = readProfile(db).timezone;
    const detail = getAuthorDetail(db, input.id, timezone);
    if (!detail)
      throw new AtalayaError(
        'not_found',
        `Author ${input.id} is not in this workspace (their posts may have been undone, or it is one of the brand's accounts)`,
      );
    return { ...detail, thresholds: THRESHOLDS, timezone };
  },
  'people.groups': (deps, input) => {
    const db = deps.session.require().db;
    analysePeople(db, deps.clock.now());
    return {
      ...listGroups(db, input),
      minAccounts: THRESHOLDS.coordinationMinAccounts,
      windowMinutes: THRESHOLDS.coordinationWindowMinutes,
    };
  },
  'people.override': (deps, input) => {
    const db = deps.session.require().db;
    const handle = input.handle.replace(/^@/, '');
    const key = authorKey(input.channel, handle);
    const now = deps.clock.now();
    db.transaction(() => {
      if (input.label === null)
        db.prepare(
          "DELETE FROM overrides WHERE target_kind = 'author' AND target_key = ? AND field = 'label'",
        ).run(key);
      else
        db.prepare(
          `INSERT INTO overrides (target_kind, target_key, field, value, created_at) VALUES ('author', ?, 'label', ?, ?)
           ON CONFLICT (target_kind, target_key, field) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
        ).run(key, input.label, now);
      // Only this author needs a new verdict (the override is applied when it is saved).
      db.prepare('UPDATE authors SET analysed_at = NULL WHERE channel = ? AND handle = ?').run(
        input.channel,
        handle,
      );
    })();
    analysePeople(db, now);
    return { saved: true };
  },
};
