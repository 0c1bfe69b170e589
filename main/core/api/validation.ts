import type { z } from 'zod';
import type { ErrorDetails, InputIssue } from '../db/errors';

/**
 * The schemas' own reasons (schemas.ts, contract.ts) by their English words, to the id a UI
 * translates (renderer `errors.reasons.<id>`). The words stay the CLI's message.
 */
const CUSTOM_REASONS: Record<string, string> = {
  'the brand name is required': 'brandRequired',
  'a handle cannot be empty': 'handleEmpty',
  'a handle has no spaces': 'handleSpaces',
  'use HH:MM, 24-hour clock': 'timeFormat',
  'closing time must be after opening time': 'closesAfterOpens',
  'unknown time zone': 'unknownTimeZone',
  'use YYYY-MM-DD': 'dateFormat',
  'a feed address starts with http:// or https://': 'feedAddress',
  'choose a crisis or a period': 'crisisOrPeriod',
  'no such day in the calendar': 'noSuchDay',
  'choose a day from 1970 to 9998': 'dayRange',
  'the period starts after it ends': 'periodOrder',
  'say what happened': 'sayWhatHappened',
  'say what to correct: sentiment, complaint, insult or topic': 'correctWhat',
  'a crisis id such as c493123': 'crisisId',
  'say what to mark: crisisType or item': 'markWhat',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** What went wrong with one value, as an id and figures instead of zod's English sentence. */
function reasonOf(issue: z.core.$ZodIssue, input: unknown): Pick<InputIssue, 'reason' | 'params'> {
  const custom = CUSTOM_REASONS[issue.message];
  if (custom) return { reason: custom };
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value === undefined) return { reason: 'required' };
      // zod 4 reports a fraction where .int() is asked for as a wrong type ("expected int")
      return issue.expected === 'int' && typeof value === 'number'
        ? { reason: 'integer' }
        : { reason: 'type' };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { reason: 'empty' } : { reason: 'tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { reason: 'tooFew', params: { min } };
      // .positive() / .gt(n): n itself is refused
      return issue.inclusive === false
        ? { reason: 'above', params: { min } }
        : { reason: 'min', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { reason: 'tooMany', params: { max } };
      return issue.inclusive === false
        ? { reason: 'below', params: { max } }
        : { reason: 'max', params: { max } };
    }
    case 'invalid_value':
      return { reason: 'option', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { reason: 'format' };
    case 'not_multiple_of':
      return { reason: 'integer' };
    case 'unrecognized_keys':
      return { reason: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
    default:
      // a refinement whose words have no id yet: the UI shows them as they are
      return { reason: 'other', params: { message: issue.message } };
  }
}

/**
 * A failed validation as every transport returns it: one English line for the CLI and logs
 * (`path: zod's message; …`), and for a UI each issue's field and reason id, so it can say
 * the same in its own language (renderer/src/shared/describe-error.ts).
 */
export function validationFailure(
  error: z.ZodError,
  input: unknown,
): { code: 'validation'; message: string; details: ErrorDetails } {
  const first = error.issues.slice(0, 5);
  const issues: InputIssue[] = first.map((i) => ({
    field: i.path.filter((k) => typeof k === 'string').join('.') || 'input',
    ...reasonOf(i, input),
  }));
  const fields = [...new Set(issues.map((i) => i.field))];
  return {
    code: 'validation',
    message: first
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; '),
    details: {
      key: 'invalidInput',
      params: { fields: fields.join(', '), reason: error.issues[0]?.message ?? '' },
      issues,
    },
  };
}
