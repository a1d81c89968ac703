// Placeholder until this command is built; replaced by its owner.
import { UserError } from '../core/errors.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'export',
  summary: 'export',
  usage: 'export',
  options: {},
  examples: [],
  allowPositionals: true,
  async run() {
    throw new UserError('"export" is not available in this build yet');
  },
};
export default command;
