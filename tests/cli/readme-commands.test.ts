import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usage } from '../../main/core/cli/index';

/** As sqlite-utils' test_docs: a command the README does not show is one a user never finds. */
describe('README command list', () => {
  it('shows every CLI command and subcommand the help lists', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const commands = usage()
      .split('\n')
      .slice(2)
      .map(
        (line) =>
          line.trim().match(/^[a-z-]+(?: (?:create|info|backup|restore|undo|add|list))?/)?.[0],
      )
      .filter((c): c is string => Boolean(c));
    expect(commands.length).toBeGreaterThan(15);
    const missing = commands.filter((c) => !readme.includes(`npm run -s atalaya -- ${c} `));
    expect(missing).toEqual([]);
  });
});
