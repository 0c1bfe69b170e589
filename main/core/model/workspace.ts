import type { BusinessHours } from './business-hours';
import type { Channel } from './channels';

export interface OwnHandle {
  channel: Channel;
  /** Without a leading "@". */
  handle: string;
}

export interface WorkspaceProfile {
  brand: string;
  keywords: string[];
  excludes: string[];
  handles: OwnHandle[];
  timezone: string;
  hours: BusinessHours;
  holidays: string[];
  responseTargetMinutes: number;
}

/** Normalises a handle as users type it: trims and drops a leading "@". */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '');
}
