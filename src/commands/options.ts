// Options shared by many commands, so every command spells them the same way.
import type { OptionSpec } from './types.js';

export const scenariosOption: Record<string, OptionSpec> = {
  scenarios: {
    type: 'string',
    multiple: true,
    valueName: 'DIR',
    description: 'Also load scenarios from DIR (repeatable; also CLPLAY_SCENARIOS, separated like PATH)',
  },
};

export const savesOption: Record<string, OptionSpec> = {
  saves: { type: 'string', valueName: 'DIR', description: 'Where runs are saved (default: the user data folder, or saves/ in a git working copy; also CLPLAY_SAVES; see `clplay config path`)' },
};

export const jsonOption: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'Print machine-readable JSON' },
};
