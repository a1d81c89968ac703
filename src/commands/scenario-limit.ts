// The size limit on scenario and context files that the settings put in force (limits.scenarioMB),
// as the options loadLibrary and resolveScenario take: every command that reads scenarios passes it.
import { resolveLimits } from '../core/limits.js';
import { loadSettings } from '../core/settings/settings.js';
import type { CommandIO } from './types.js';

export function scenarioLimit(io: Pick<CommandIO, 'env'>): { maxFileBytes: number } {
  return { maxFileBytes: resolveLimits(loadSettings({ env: io.env }).limits).scenarioFileBytes };
}
