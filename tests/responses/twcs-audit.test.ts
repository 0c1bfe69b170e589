import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { auditBrandReplies } from '../../main/core/responses/audit';
import type { OutputOf } from '../../main/core/api/contract';
import { TWCS_CSV as CSV, TWCS_MAP } from '../helpers/twcs';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const OUT = resolve(__dirname, '../../test-output');

/**
 * Real customer-support tweets (TWCS sample): every company account that answers is made an
 * own handle, the file is imported through the real importer, and the tone audit runs over
 * every brand reply. The flagged replies are written to test-output/twcs-audit.json so a
 * person can read what was flagged and why.
 */
describe.skipIf(!existsSync(CSV))('tone audit on real support tweets (TWCS)', () => {
  it('finds and audits every brand reply, and each flag carries its reason', async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(CSV, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const brands = [...new Set(rows.filter((r) => r.inbound === 'False').map((r) => r.author_id))];
    const brandRows = rows.filter((r) => r.inbound === 'False').length;
    expect(brandRows).toBe(2282);
    const env = workspaceDeps({
      ...PROFILE,
      handles: brands.map((h) => ({ channel: 'twitter' as const, handle: h ?? '' })),
    });
    try {
      const f = env.deps.files.register(CSV);
      const imp = await callMethod(env.deps, 'sources.import', {
        fileToken: f.token,
        format: 'csv',
        channel: 'twitter',
        map: TWCS_MAP,
      });
      expect(imp).toMatchObject({ ok: true, value: { imported: 5000 } });
      const r = await callMethod(env.deps, 'responses.audit', { days: 3660 });
      if (!r.ok) throw new Error(r.error.message);
      const audit = r.value as OutputOf<'responses.audit'>;
      expect(audit.audited).toBe(brandRows);
      const flagged = audit.items.filter((i) => i.warnings.length > 0);
      expect(flagged).toHaveLength(audit.flagged);
      for (const i of flagged)
        for (const w of i.warnings) expect(w.reason.length).toBeGreaterThan(10);
      // Real care teams are polite: a checker that flags more than 2 % of them cries wolf.
      expect(audit.flagged / audit.audited).toBeLessThan(0.02);
      // Handles here are anonymised numbers (@148138): they must not pass for case numbers.
      expect(audit.personalised).toBeGreaterThan(0);
      expect(audit.personalised / audit.audited).toBeLessThan(0.4);
      // Replies that are only a link, a handle, a sign-off or an emoji are not canned wording
      // ("@170222 https://t.co/EH42JsHvgU ^DJ", "@220406 👍😃").
      const wordless = (t: string): boolean =>
        !/\p{L}{4,}/u.test(t.replace(/https?:\/\/\S+|@[\w.]+|\^\w+|-\w+$/gu, ''));
      const every = auditBrandReplies(env.db, 0, Date.UTC(2030, 0, 1));
      expect(every.filter((i) => wordless(i.text)).length).toBeGreaterThan(3);
      expect(every.filter((i) => i.canned && wordless(i.text))).toEqual([]);
      expect(every.filter((i) => i.canned)).toHaveLength(audit.canned);
      mkdirSync(OUT, { recursive: true });
      writeFileSync(
        join(OUT, 'twcs-audit.json'),
        JSON.stringify(
          {
            audited: audit.audited,
            flagged: audit.flagged,
            canned: audit.canned,
            personalised: audit.personalised,
            items: flagged.map((i) => ({ text: i.text, warnings: i.warnings })),
          },
          null,
          2,
        ),
      );
    } finally {
      env.cleanup();
    }
  });
});
