import { AtalayaError } from '../../db/errors';
import { getMention, getThread, searchMentions } from '../../db/mentions-query';
import type { Handlers } from '../handler-types';

export const mentionHandlers: Pick<Handlers, 'mentions.search' | 'mentions.get'> = {
  'mentions.search': (deps, input) => {
    const { beforeId, limit, ...filter } = input;
    return searchMentions(deps.session.require().db, filter, { beforeId, limit: limit ?? 100 });
  },
  'mentions.get': (deps, input) => {
    const db = deps.session.require().db;
    const mention = getMention(db, input.id);
    if (!mention)
      throw new AtalayaError(
        'not_found',
        `Mention ${input.id} is not in this workspace (it may have been undone)`,
      );
    return { mention, thread: getThread(db, input.id) };
  },
};
