import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The SHA-256 of every migration as it shipped. A workspace records only the number of the
 * last migration it ran, so a migration edited after it landed never reaches the files that
 * ran the first version (reviewer S8-4: 0016 was edited in place the day it landed). Changing
 * a migration means adding a new one; a new one adds its line here.
 */
const SHIPPED: Record<string, string> = {
  '0001_initial.sql': 'f68123ff96558371158810743dddf5c8cddf6730e78ddf3000ae44c2db5a9778',
  '0002_report_annotations.sql': 'ef803c1910a6394eef3b155db804c4c72a726bde9df57ace898e953afbf6362e',
  '0003_facet_rollups.sql': 'ea689352fbb4a4db881d7b7edb355b2057272ed67e0fd6580bb2c296776ade68',
  '0004_people_history_coordination.sql':
    'fe93bcb758eafeffe8f2296a2b2160c0ff8057de339f281ac8a6d00056fd0ee8',
  '0005_coordination_member_posts.sql':
    '1c84e12693ec81f74a6fc08b3af0249096aa5ec68d727c98af46b6823c8e3f38',
  '0006_people_channel_indexes.sql':
    'de6727aad94c283d124493adffea4aa30bddd7a42bc69647bb889a6d2a1d2c76',
  '0007_hashtag_hourly.sql': 'ebc9596ec79f993947927bb858e5ca8d2c9ba8b206ac848233fc9017ea3d0ce0',
  '0008_episode_annotation_spans.sql':
    'f2ac3958a1b32f451747cb78cce63efacefa4512ab9d408125ef4428e6170a00',
  '0009_response_rollups.sql': '3fd51366e7d04e36fd6835173e466c8904e9028240559b1cd9e7e79ee497651c',
  '0010_author_time_keys.sql': '28bb2bdb1bef2f041a44bb1ace1a801b1a1c76a3436cdd7bd7976f818639105f',
  '0011_other_to_network_channels.sql':
    'f4be28bec92a579b4f728191f9bf653ae91e5a29161d395405329d614d0657a6',
  '0012_other_twins.sql': 'aeca9a161806cd75c6cce07be82d7828d6d6e599052d967b99614d43e1a80e3a',
  '0013_unescape_tweet_text.sql':
    '5262fa2a578296346dedd1dbcccf8301b77ba39f690642fa1a868e3df4bf2c72',
  '0014_fts_detail_none.sql': 'db3c50017786052a7c52be71133b1960f21173906fe9569a46042dc5f6982016',
  '0015_author_labels_to_network.sql':
    '0cfcf493a20a3974883065907a791e8fc287de7272a92209a266dbdbeb3d4164',
  '0016_fts_emoji_separators.sql':
    'b26ce260ce3d8049389f444a8b6b75e7c1bdb0f754d5a0ca653efd1a43ab5a7a',
  '0017_people_posts_covering_keys.sql':
    'd2e52c129d7365ba713e69d7ad44e630b905f71012b355206fe09630035b1bce',
};

const DIR = join(__dirname, '../../main/core/db/migrations');

describe('migrations are never edited once they land', () => {
  it('every migration file is the one that shipped, and every shipped one is there', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.sql'));
    const now = Object.fromEntries(
      files.map((f) => [
        f,
        // line ends as git may check them out on Windows
        createHash('sha256')
          .update(readFileSync(join(DIR, f), 'utf8').replace(/\r\n/g, '\n'))
          .digest('hex'),
      ]),
    );
    expect(now).toEqual(SHIPPED);
  });
});
