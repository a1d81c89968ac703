// `clplay` (no command): the home screen - scenarios, this player's unfinished runs, results.
import { savesOption, scenariosOption } from './options.js';
import { appDeps, playerOption, requireTty, revealOption, startApp } from './interactive.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'home',
  summary: 'Open the home screen: pick a scenario to play, or continue an unfinished run',
  usage: '[home] [--player NAME] [--reveal task|end|never] [--scenarios DIR] [--saves DIR]',
  options: { ...playerOption, ...revealOption, ...scenariosOption, ...savesOption },
  examples: ['clplay', 'clplay --player Ada', 'clplay --reveal end', 'clplay --scenarios ~/my-scenarios --saves ~/clplay-saves'],
  allowPositionals: false,
  async run(args, io) {
    requireTty(io);
    const deps = await appDeps(args, io, { screen: 'home' });
    return startApp(deps);
  },
};
export default command;
