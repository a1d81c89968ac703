// `clplay config list | get KEY | set KEY VALUE | unset KEY | path` - settings, validated.
// Keys are always shown masked. CLPLAY_CONFIG_DIR chooses another folder for config.json.
import { UserError } from '../core/errors.js';
import { configuredSavesDir, DATA_LAYOUT } from '../core/paths.js';
import { redactUrl } from '../core/text/redact-url.js';
import {
  assertKey,
  configPath,
  describeSettings,
  isSecretKey,
  loadSettings,
  maskKey,
  saveSetting,
  SETTING_KEYS,
  unsetSetting,
} from '../core/settings/settings.js';
import { jsonOption } from './options.js';
import type { Command, CommandIO } from './types.js';

const ACTIONS = ['list', 'get', 'set', 'unset', 'path'] as const;

async function readStdinLine(io: CommandIO): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const command: Command = {
  name: 'config',
  summary: 'Show or change settings (player name, model and judge endpoints, keys)',
  usage: 'config [list | get KEY | set KEY VALUE | unset KEY | path]',
  options: { ...jsonOption },
  examples: [
    'clplay config list',
    'clplay config set player.name Ada',
    'clplay config set model.baseUrl http://localhost:11434/v1',
    'clplay config set model.name qwen3:8b',
    'clplay config set judge.name gpt-5.1',
    'clplay config set model.apiKeyEnv MY_PROVIDER_KEY',
    'printf %s "$KEY" | clplay config set model.apiKey -   # stores it, file mode 0600',
    'clplay config get model.temperature',
    'clplay config unset model.temperature',
    'CLPLAY_CONFIG_DIR=/tmp/cfg clplay config path',
  ],
  allowPositionals: true,
  async run(args, io) {
    const [action = 'list', ...rest] = args.positionals;
    const opts = { env: io.env };
    const expect = (n: number, usage: string): void => {
      if (rest.length !== n) throw new UserError(`usage: clplay config ${usage}`, 2);
    };
    switch (action) {
      case 'path': {
        expect(0, 'path');
        // Where everything is: the settings file, the saved runs and the imported scenarios.
        const where = { config: configPath(opts), saves: configuredSavesDir(io.env, io.cwd), imported: DATA_LAYOUT.importDir };
        if (args.values.json) {
          io.stdout.write(`${JSON.stringify(where, null, 2)}\n`);
          return 0;
        }
        const savesFrom = io.env.CLPLAY_SAVES ? ' (from CLPLAY_SAVES)' : DATA_LAYOUT.installed ? '' : ' (this working copy of clplay)';
        io.stdout.write(`config:   ${where.config}\nsaves:    ${where.saves}${savesFrom}\nimported: ${where.imported}\n`);
        return 0;
      }
      case 'list': {
        expect(0, 'list');
        const settings = loadSettings(opts);
        for (const p of settings.problems) io.stderr.write(`clplay: ${p}\n`);
        const rows = describeSettings(settings, io.env);
        if (args.values.json) {
          io.stdout.write(`${JSON.stringify(Object.fromEntries(rows.map((r) => [r.key, { value: r.shown, from: r.from }])), null, 2)}\n`);
          return 0;
        }
        const kw = Math.max(...rows.map((r) => r.key.length));
        const vw = Math.min(40, Math.max(...rows.map((r) => r.shown.length)));
        for (const r of rows) {
          const from = r.from === 'config' ? '' : `  (${r.from})`;
          io.stdout.write(`${r.key.padEnd(kw)}  ${(r.shown || '-').padEnd(vw)}${from}`.trimEnd() + '\n');
        }
        io.stdout.write(`\nfile: ${settings.path}\n`);
        return 0;
      }
      case 'get': {
        expect(1, 'get KEY');
        const key = rest[0]!;
        assertKey(key);
        const settings = loadSettings(opts);
        for (const p of settings.problems) io.stderr.write(`clplay: ${p}\n`);
        const row = describeSettings(settings, io.env).find((r) => r.key === key)!;
        if (isSecretKey(key)) {
          const [section, field] = key.split('.') as ['model' | 'judge', 'apiKey'];
          const stored = settings[section][field];
          if (!stored) throw new UserError(`${key} is not stored (${row.shown.replace(/^\(not stored\)\s*-?\s*/, '') || 'set OPENAI_API_KEY or apiKeyEnv'})`);
          io.stdout.write(`${maskKey(stored)}\n`);
          return 0;
        }
        if (row.shown === '') throw new UserError(`${key} is not set (set it with \`clplay config set ${key} VALUE\`)`);
        io.stdout.write(`${row.shown}\n`);
        return 0;
      }
      case 'set': {
        if (rest.length !== 2) throw new UserError('usage: clplay config set KEY VALUE (VALUE "-" reads it from stdin)', 2);
        const key = rest[0]!;
        assertKey(key);
        let raw = rest[1]!;
        if (raw === '-') raw = await readStdinLine(io);
        const value = await saveSetting(key, raw, opts);
        if (isSecretKey(key)) {
          io.stdout.write(`${key} = ${maskKey(String(value))} (stored in ${configPath(opts)}, file mode 0600)\n`);
        } else io.stdout.write(`${key} = ${key.endsWith('.baseUrl') ? redactUrl(String(value)) : String(value)}\n`);
        return 0;
      }
      case 'unset': {
        expect(1, 'unset KEY');
        const key = rest[0]!;
        const removed = await unsetSetting(key, opts);
        io.stdout.write(removed ? `${key} unset\n` : `${key} was not set\n`);
        return 0;
      }
      default:
        throw new UserError(
          `unknown config action "${action}"; use one of ${ACTIONS.join(', ')} (settings: ${Object.keys(SETTING_KEYS).slice(0, 3).join(', ')}, ...)`,
          2,
        );
    }
  },
};
export default command;
