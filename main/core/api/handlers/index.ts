import type { Handlers } from '../handler-types';
import { workspaceHandlers } from './workspace';

export const handlers: Handlers = {
  ...workspaceHandlers,
};
