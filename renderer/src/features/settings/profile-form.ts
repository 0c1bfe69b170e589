import type { InputOf, WorkspaceDetails } from '../../../../main/core/api/contract';

/** Editable form state: lists are edited as comma-separated text, numbers as strings. */
export interface ProfileForm {
  brand: string;
  keywords: string;
  excludes: string;
  handles: Array<{ channel: string; handle: string }>;
  timezone: string;
  days: number[];
  start: string;
  end: string;
  target: string;
  holidays: string[];
}

export function formFromProfile(p: WorkspaceDetails): ProfileForm {
  return {
    brand: p.brand,
    keywords: p.keywords.join(', '),
    excludes: p.excludes.join(', '),
    handles: p.handles.map((h) => ({ channel: h.channel, handle: h.handle })),
    timezone: p.timezone,
    days: [...p.hours.days],
    start: p.hours.start,
    end: p.hours.end,
    target: String(p.responseTargetMinutes),
    holidays: p.holidays,
  };
}

const splitList = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function profileFromForm(f: ProfileForm): InputOf<'workspace.update'> {
  return {
    brand: f.brand,
    keywords: splitList(f.keywords),
    excludes: splitList(f.excludes),
    handles: f.handles
      .filter((h) => h.handle.trim())
      .map((h) => ({
        channel: h.channel as InputOf<'workspace.update'>['handles'][number]['channel'],
        handle: h.handle,
      })),
    timezone: f.timezone,
    hours: { days: [...f.days].sort(), start: f.start, end: f.end },
    holidays: f.holidays,
    responseTargetMinutes: Number(f.target),
  };
}
