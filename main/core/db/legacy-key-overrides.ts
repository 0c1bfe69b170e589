import type Database from 'better-sqlite3';
import { textOnlyKey } from './mention-key';
import type { Db } from './workspace-file';

/**
 * The user's corrections and marks of rows without id and link that an undo removed before
 * migration 0010: they keep the key of that time (a hash of the text alone, textOnlyKey),
 * which 0010 could not re-key (nothing stored says the row's author and time). When such a
 * row is imported again, its corrections move to the key it gets now (text, author, time),
 * so an import undone before the upgrade and made again after it finds them back (review S6-4).
 *
 * Several rows of a file can share a text-only key (a copy-paste campaign, which that key
 * stored as one row: the first file row's). The first row of the import with that key
 * decides, as that row was the stored one: new, it takes the corrections; already stored,
 * they stay where they are (the stored row has its own, and its columns are not rewritten).
 */
export class LegacyKeyOverrides {
  private move: Database.Statement;
  private drop: Database.Statement;
  private stored: Database.Statement;
  private handling: Database.Statement;

  private constructor(
    db: Db,
    /** Keys of the overrides that name no stored mention: the only ones a legacy key can be. */
    private orphans: Set<string>,
  ) {
    // A correction the row's new key already has (made after the upgrade) wins.
    this.move = db.prepare(
      "UPDATE OR IGNORE overrides SET target_key = ? WHERE target_kind = 'mention' AND target_key = ?",
    );
    this.drop = db.prepare(
      "DELETE FROM overrides WHERE target_kind = 'mention' AND target_key = ?",
    );
    this.stored = db.prepare('SELECT 1 FROM mentions WHERE natural_key = ?');
    this.handling = db
      .prepare(
        "SELECT value FROM overrides WHERE target_kind = 'mention' AND target_key = ? AND field = 'handling'",
      )
      .pluck();
  }

  /**
   * For a writer that found overrides: null when none of them names a row no longer stored
   * (one pass over the overrides, which the user makes by hand: few).
   */
  static open(db: Db): LegacyKeyOverrides | null {
    const keys = db
      .prepare(
        `SELECT o.target_key FROM overrides o WHERE o.target_kind = 'mention'
           AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.natural_key = o.target_key)`,
      )
      .pluck()
      .all() as string[];
    return keys.length ? new LegacyKeyOverrides(db, new Set(keys)) : null;
  }

  /**
   * Moves the overrides of a row without id and link from its text-only key to `key`, before
   * the row is inserted; returns its handling mark when one moved (the response rollups
   * count the row as handled), else null.
   */
  claim(channel: string, text: string, key: string): string | null {
    const legacy = textOnlyKey(channel, text);
    if (!this.orphans.delete(legacy) || this.stored.get(key) !== undefined) return null;
    this.move.run(key, legacy);
    this.drop.run(legacy);
    return (this.handling.get(key) as string | undefined) ?? null;
  }
}
