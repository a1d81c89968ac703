// Placeholder until this command is built; replaced by its owner.
import { UserError } from '../core/errors.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'home',
  summary: 'home',
  usage: 'home',
  options: {},
  examples: [],
  allowPositionals: true,
  async run() {
    throw new UserError('"home" is not available in this build yet');
  },
};
export default command;
