import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { auditBrandReplies } from '../../main/core/responses/audit';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const FIXTURE = join(__dirname, '../fixtures/responses/brand-replies.csv');

/**
 * A travel agency's care account on X, shaped like a real export: most answers are only a
 * link (the help page or a DM link), some with an agent's sign-off or a mention of the brand's
 * other account, a few emoji thanks, one pasted template used six times and three personal
 * answers. Only the pasted wording is canned.
 */
describe('tone audit: link-only replies are not canned wording', () => {
  it('counts the pasted template, not 50 replies that share an empty one', async () => {
    const env = workspaceDeps({
      ...PROFILE,
      handles: [
        { channel: 'twitter', handle: 'ViajesSolAyuda' },
        { channel: 'twitter', handle: 'ViajesSol' },
      ],
    });
    try {
      const imp = await callMethod(env.deps, 'sources.import', {
        fileToken: env.deps.files.register(FIXTURE).token,
      });
      expect(imp).toMatchObject({ ok: true, value: { imported: 63, rejected: 0 } });
      const audit = auditBrandReplies(env.db, 0, Date.UTC(2030, 0, 1));
      expect(audit).toHaveLength(63);
      const linkOnly = audit.filter((r) =>
        /^@\w+( @\w+)? https:\/\/t\.co\/\w+( \S+)?$/.test(r.text),
      );
      expect(linkOnly).toHaveLength(50);
      expect(linkOnly.filter((r) => r.canned)).toEqual([]);
      expect(audit.filter((r) => /^@\w+ 🙏💙$/.test(r.text)).map((r) => r.canned)).toEqual(
        Array(4).fill(false),
      );
      const canned = audit.filter((r) => r.canned);
      expect(canned).toHaveLength(6);
      for (const r of canned) {
        expect(r.text).toMatch(/Lamentamos las molestias\. Escríbenos por MD/);
        expect(r.templateUses).toBe(6);
      }
      expect(audit.filter((r) => r.personalised)).toHaveLength(3);
    } finally {
      env.cleanup();
    }
  });
});
