// Help text, generated from the command specs so it can never drift from the parser.
import type { CommandSpec } from './types.js';
import { COMMANDS } from './registry.js';

export function mainHelp(version: string): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = [
    `clplay ${version} - play context-learning scenarios as a person or a model, graded live.`,
    '',
    'Usage: clplay [COMMAND] [OPTIONS]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `clplay COMMAND --help` for the options of one command.',
    'Options: --help, --version',
  ];
  return lines.join('\n') + '\n';
}

export function commandHelp(spec: CommandSpec): string {
  const opts = Object.entries(spec.options).map(([name, o]) => {
    const flag = `--${name}${o.short ? `, -${o.short}` : ''}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
    return { flag, description: o.description };
  });
  opts.push({ flag: '--help', description: 'Show this help' });
  const width = Math.max(...opts.map((o) => o.flag.length));
  const lines = [
    `Usage: clplay ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...opts.map((o) => `  ${o.flag.padEnd(width)}  ${o.description}`),
  ];
  if (spec.examples.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n') + '\n';
}
