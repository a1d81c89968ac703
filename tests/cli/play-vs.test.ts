// `clplay play SCENARIO --vs MODEL` from a script (the built dist/clplay.js, no terminal): what is
// wrong with the model endpoint is one line before any screen - it is checked before the
// terminal - and the model options need --vs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, REPO, runCli, type CliResult } from '../helpers/cli.js';

let root: string;
let env: Record<string, string | undefined>;

beforeAll(() => {
  if (!existsSync(CLI_PATH)) throw new Error('dist/clplay.js is missing: run `npm run build` first (npm test does)');
  root = mkdtempSync(join(tmpdir(), 'clplay-cli-vs-'));
  env = {
    CLPLAY_CONFIG_DIR: join(root, 'config'),
    CLPLAY_CACHE_DIR: join(root, 'cache'),
    CLPLAY_SAVES: join(root, 'saves'),
    CLPLAY_SCENARIOS: '',
    OPENAI_API_KEY: undefined,
    OPENAI_BASE_URL: undefined,
  };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Like runCli, but without blocking this process (a server here must answer the child). */
function runCliAsync(args: string[], extraEnv: Record<string, string | undefined> = {}): Promise<CliResult> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...env, ...extraEnv })) if (v !== undefined) e[k] = v;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { env: e, cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('clplay play --vs', () => {
  it('an unreachable base URL is one line, exit 2, before the terminal check', async () => {
    // a port that was just free: nothing listens there
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const url = `http://127.0.0.1:${port}/v1`;
    const r = runCli(['play', 'sorrel-language', '--vs', 'llama3', '--base-url', url], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`clplay: --vs llama3: cannot reach ${url}: connection refused - is the server running?`]);
    expect(existsSync(join(root, 'saves'))).toBe(false); // no run was started
  });

  it('a refused key is one line naming what to check', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-abcd1234efgh', type: 'invalid_request_error' } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const r = await runCliAsync(['play', 'sorrel-language', '--vs', 'gpt-x', '--base-url', url], { OPENAI_API_KEY: 'sk-abcd1234efgh' });
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(`clplay: --vs gpt-x: ${url} refused the API key (401): check OPENAI_API_KEY or \`clplay config set model.apiKeyEnv NAME\``);
      expect(r.stderr).not.toContain('sk-abcd1234efgh');
    } finally {
      server.close();
    }
  });

  it('a reachable endpoint gets as far as the terminal check', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const r = await runCliAsync(['play', 'sorrel-language', '--vs', 'fake-model', '--base-url', url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^clplay: clplay needs an interactive terminal/);
    } finally {
      server.close();
    }
  });

  it('model options without --vs are a mistake, said in one line', () => {
    const r = runCli(['play', 'sorrel-language', '--base-url', 'http://localhost:11434/v1'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('clplay: --base-url is for playing against a model: add --vs MODEL');
  });

  it('--help lists --vs with the model and judge options', () => {
    const r = runCli(['play', '--help'], { env });
    expect(r.code).toBe(0);
    for (const flag of ['--vs MODEL', '--base-url URL', '--timeout S', '--judge J']) expect(r.stdout).toContain(flag);
    expect(r.stdout).not.toMatch(/--model M\b/);
  });
});
