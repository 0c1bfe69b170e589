import type { Analyzer } from '../db/mention-writer';
import type { WorkspaceProfile } from '../model/workspace';

/**
 * The analysis run on every mention as it is stored. Until the analysis engine lands this
 * stores the language given by the source and leaves sentiment unanalysed (null).
 */
export function createAnalyzer(_profile: WorkspaceProfile): Analyzer | undefined {
  return undefined;
}
