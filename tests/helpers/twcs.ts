import { resolve } from 'node:path';

/** The real TWCS customer-support sample in ../shared/data (tests skip when it is absent). */
export const TWCS_CSV = resolve(
  __dirname,
  '../../../shared/data/support/twcs_random_sample_5000.csv',
);

/** Its columns as Atalaya's mapping fields (the reply id is float-formatted: `192625.0`). */
export const TWCS_MAP = {
  id: 'tweet_id',
  text: 'text',
  author: 'author_id',
  date: 'created_at',
  reply_to: 'in_response_to_tweet_id',
};
