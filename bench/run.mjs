// The clplay benchmark harness: `npm run bench` builds dist/, then runs
// `node --expose-gc bench/run.mjs [NAME...] [--keep]`, which runs the bench modules in order,
// prints their figures as they come, and ends with one table (MISSED marks a missed target).
//
// ADDING A BENCHMARK
//   1. Write bench/<topic>.mjs or bench/<topic>.ts exporting a default BenchModule
//      (bench/types.ts):   export default { name: 'topic', async run(ctx) { ... } };
//      A .ts module is bundled with esbuild on the fly (core is TypeScript), so it may import
//      ../src/... directly. Plain .mjs modules can use ctx.loadTs('bench/x.ts') for the same (bundled like the app: split, without Ink's devtools).
//   2. Add its path to MODULES below.
//   In run(ctx): ctx.tmp is a fresh temp folder; ctx.runCli(args) runs dist/clplay.js as a child
//   and returns { code, stdout, stderr, ms, peakRssMb }; ctx.figure(label, value, unit,
//   { max | min }) records a figure with its target; ctx.log(text) prints a note.
//   `npm run bench -- NAME` runs only the modules with that name.
//
// Exit code: 1 if a module threw, else 0 (missed targets are reported, not fatal: figures on a
// shared machine are noisy; read the table).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MODULES = [
  './import.mjs', // CL-bench-sized import + validate (time, peak RSS)
  './saves.ts', // cost of saving the 1st vs the 2,000th task result
  './ui.mjs', // reader first frame / scroll step / wrap on a 320k-character context
  './throughput.ts', // headless run of 1,899 tasks, 100 ms loopback latency, concurrency 32
  './startup.mjs', // launch to the home / play screen's first frame in a pseudo-terminal
  './play-screen.mjs', // the whole play screen on a 320k context: first frame, scroll step, typing
  './results-scale.ts', // results over 2,000 and 10,000 saved runs
  './ratios.mjs', // first frames and key-to-screen in a real terminal, as ratios to Ink floors
  './checks.ts', // grading a 10,000-character answer against every bundled task (issue 9: < 50 ms)
];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const cli = join(root, 'dist', 'clplay.js');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const only = args.filter((a) => !a.startsWith('--'));

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Peak RSS of a child: GNU time's report if available, else polling /proc/<pid>/status. */
function runChild(command, argv, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const timeFile = TIME ? join(tmpdir(), `clplay-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`) : null;
    const [cmd, cmdArgs] = TIME ? [TIME, ['-v', '-o', timeFile, command, ...argv]] : [command, argv];
    const started = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, {
      cwd: opts.cwd ?? root,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    let polledKb = 0;
    const poll = TIME
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polledKb = Math.max(polledKb, Number(m[1]));
          } catch {
            // gone
          }
        }, 10);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (poll) clearInterval(poll);
      let peakKb = polledKb || null;
      let cpuMs = null;
      if (timeFile) {
        try {
          const report = readFileSync(timeFile, 'utf8');
          const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
          if (m) peakKb = Number(m[1]);
          const user = /User time \(seconds\): ([\d.]+)/.exec(report);
          const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
          if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
          const exit = /Exit status: (\d+)/.exec(report);
          if (exit) code = Number(exit[1]);
        } catch {
          // no report
        }
        rm(timeFile, { force: true }).catch(() => {});
      }
      resolvePromise({ code, stdout, stderr, ms, cpuMs, peakRssMb: peakKb === null ? null : peakKb / 1024 });
    });
  });
}

let esbuild;
async function loadTs(path, tmp) {
  return import(pathToFileURL(await bundle(path, tmp)).href);
}

/** Bundles a TypeScript/TSX file like scripts/build.mjs does and returns the runnable file. */
async function bundle(path, tmp) {
  esbuild ??= await import('esbuild');
  const abs = resolve(root, path);
  const outdir = join(tmp, `.bench-${Math.random().toString(36).slice(2)}`);
  // The same bundling as scripts/build.mjs: with code splitting, Ink's lazily imported devtools
  // chunk (react-devtools-core) is never loaded.
  await esbuild.build({
    entryPoints: { main: abs },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outdir,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react-devtools-core'],
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(outdir, 'main.js');
}

const figures = [];
const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

function targetText(opts) {
  if (!opts) return '';
  if (opts.target) return opts.target;
  if (opts.max !== undefined) return `<= ${fmt(opts.max)}`;
  if (opts.min !== undefined) return `>= ${fmt(opts.min)}`;
  return '';
}

async function main() {
  if (!existsSync(cli)) {
    console.error('bench: dist/clplay.js is missing; run `npm run bench` (it builds first) or `npm run build`');
    process.exit(1);
  }
  console.log(`clplay bench - node ${process.version}, ${(await import('node:os')).cpus().length} cores, ${new Date().toISOString()}`);
  let failed = false;
  for (const rel of MODULES) {
    const path = join(here, rel);
    const tmp = await mkdtemp(join(tmpdir(), 'clplay-bench-'));
    let mod;
    try {
      mod = extname(path) === '.ts' ? await loadTs(path, tmp) : await import(pathToFileURL(path).href);
    } catch (err) {
      console.error(`\n[${rel}] could not be loaded: ${err?.message ?? err}`);
      failed = true;
      await rm(tmp, { recursive: true, force: true });
      continue;
    }
    const bench = mod.default;
    if (only.length && !only.includes(bench.name)) {
      await rm(tmp, { recursive: true, force: true });
      continue;
    }
    console.log(`\n== ${bench.name} (${rel})`);
    const ctx = {
      root,
      cli,
      tmp,
      log: (text) => console.log(`   ${text}`),
      ratio(label, value, floor, floorLabel, opts) {
        const r = value / floor;
        let ok = null;
        if (opts?.max !== undefined) ok = r <= opts.max;
        if (opts?.min !== undefined) ok = r >= opts.min;
        const target = targetText(opts);
        figures.push({ module: bench.name, label, value: r, unit: 'x', floor: floorLabel, target, ok });
        const mark = ok === null ? '' : ok ? '  ok' : '  MISSED';
        console.log(`   ${label}: ${fmt(r)}x ${floorLabel}${opts ? `  (target ${target})` : ''}${mark}`);
      },
      figure(label, value, unit, opts) {
        let ok = null;
        if (opts?.max !== undefined) ok = value <= opts.max;
        if (opts?.min !== undefined) ok = value >= opts.min;
        figures.push({ module: bench.name, label, value, unit, target: targetText(opts), ok });
        const mark = ok === null ? '' : ok ? '  ok' : '  MISSED';
        console.log(`   ${label}: ${fmt(value)} ${unit}${opts ? `  (target ${targetText(opts)})` : ''}${mark}`);
      },
      runCli: (cliArgs, opts) => runChild(process.execPath, [cli, ...cliArgs], opts),
      runNode: (nodeArgs, opts) => runChild(process.execPath, nodeArgs, opts),
      loadTs: (p) => loadTs(p, tmp),
      bundle: (p) => bundle(p, tmp),
    };
    const t0 = Date.now();
    try {
      await bench.run(ctx);
    } catch (err) {
      failed = true;
      console.error(`   FAILED: ${err?.stack ?? err}`);
    }
    console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (keep) console.log(`   kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }

  if (figures.length) {
    const rows = figures.map((f) => [f.module, f.label, `${fmt(f.value)} ${f.unit}`, f.floor ? `of ${f.floor}` : '', f.target, f.ok === null ? '' : f.ok ? 'ok' : 'MISSED']);
    const head = ['module', 'figure', 'value', 'floor', 'target', ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of rows) console.log(line(r));
    const missed = figures.filter((f) => f.ok === false).length;
    console.log(missed ? `\n${missed} target(s) missed.` : '\nAll targets met.');
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
