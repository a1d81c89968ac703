// The size limit on scenario and context files that the settings put in force (limits.scenarioMB),
// as the options loadLibrary and resolveScenario take: every command that reads scenarios passes it.
import { resolveLimits } from '../core/limits.js';
import { loadSettings, type Settings } from '../core/settings/settings.js';
import type { CommandIO } from './types.js';

/** Pass `settings` where the command has read them already: the config file is read once. */
export function scenarioLimit(io: Pick<CommandIO, 'env'>, settings?: Settings): { maxFileBytes: number } {
  return { maxFileBytes: resolveLimits((settings ?? loadSettings({ env: io.env })).limits).scenarioFileBytes };
}
