import type { Handlers } from '../handler-types';
import { backupHandlers } from './backup';
import { dashboardHandlers } from './dashboard';
import { insightHandlers } from './insights';
import { mentionHandlers } from './mentions';
import { reportHandlers } from './reports';
import { responseHandlers } from './responses';
import { peopleHandlers } from './people';
import { sourceHandlers } from './sources';
import { workspaceHandlers } from './workspace';

export const handlers: Handlers = {
  ...workspaceHandlers,
  ...backupHandlers,
  ...sourceHandlers,
  ...mentionHandlers,
  ...dashboardHandlers,
  ...insightHandlers,
  ...responseHandlers,
  ...reportHandlers,
  ...peopleHandlers,
};
