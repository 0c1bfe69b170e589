import { describe, expect, it } from 'vitest';
import { scorePlaybook } from '../../main/core/reports/playbook';

const H = 3_600_000;
const base = {
  onset: 100 * H,
  end: 150 * H,
  brandPosts: [
    { t: 99 * H, channel: 'twitter' },
    { t: 103 * H, channel: 'twitter' },
    { t: 120 * H, channel: 'facebook' },
  ],
  complaints: 10,
  complainChannels: ['twitter', 'reviews'],
  tone: { replies: 4, canned: 1, personalised: 3 },
  annotations: { crisisType: null, items: {} },
};
const ev = (id: number, at: number, action: boolean) => ({
  id,
  at,
  label: `e${id}`,
  action,
  note: null,
  createdAt: 0,
});
const item = (p: ReturnType<typeof scorePlaybook>, k: string) => p.find((x) => x.item === k);

describe('LetsBonus scorecard', () => {
  it('measures time to the first action from the onset, ignoring plain events and earlier actions', () => {
    const p = scorePlaybook({
      ...base,
      events: [
        ev(1, 98 * H, true),
        ev(2, 101 * H, false),
        ev(3, 107.25 * H, true),
        ev(4, 130 * H, true),
      ],
    });
    expect(item(p, 'action')).toMatchObject({ value: '7.3 h', ok: true });
    expect(item(p, 'action')?.measured).toContain('“e3”');
    const late = scorePlaybook({ ...base, events: [ev(5, 130 * H, true)] });
    expect(item(late, 'action')).toMatchObject({ value: '30 h', ok: false });
  });

  it('says when no action was marked, and leaves unticked hand items open', () => {
    const p = scorePlaybook({ ...base, events: [ev(1, 101 * H, false)] });
    expect(item(p, 'action')).toMatchObject({ value: '—', ok: null });
    expect(item(p, 'committee')).toMatchObject({ value: '☐', ok: null, byHand: true, note: null });
  });

  it('prints hand-marked items with their note', () => {
    const p = scorePlaybook({
      ...base,
      events: [],
      annotations: {
        crisisType: null,
        items: {
          committee: { checked: true, note: 'Daily at 9', updatedAt: 1 },
          lessons: { checked: false, note: null, updatedAt: 1 },
        },
      },
    });
    expect(item(p, 'committee')).toMatchObject({ value: '☑', ok: true, note: 'Daily at 9' });
    expect(item(p, 'lessons')).toMatchObject({ value: '☐', ok: false });
  });

  it('first response, care team, channels and silence from the brand posts after onset', () => {
    const p = scorePlaybook({ ...base, events: [] });
    expect(item(p, 'first_response')).toMatchObject({ value: '3 h', ok: false });
    expect(item(p, 'care_team')).toMatchObject({ value: '2', ok: false });
    expect(item(p, 'channels')).toMatchObject({
      value: 'twitter, facebook / twitter, reviews',
      ok: false,
    });
    expect(item(p, 'silence')).toMatchObject({ value: '30 h', ok: false });
    expect(item(p, 'personal')).toMatchObject({ value: '75 % / 25 %', ok: true });
  });
});
