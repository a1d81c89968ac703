// The home screen: this player's unfinished runs first ("continue"), then the scenarios with
// title, category, tasks, estimated minutes, context length and this player's last result;
// a category filter. Enter plays (or offers to continue an unfinished run of that scenario).
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { CATEGORIES, categoryName, isKnownCategory, type Category, type Scenario } from '../../core/scenario/schema.js';
import { continuableRuns, lastResults, runScore, type Continuable } from '../../core/play/resume.js';
import type { RunRecord } from '../../core/runs/types.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../../core/text/width.js';
import { useAppValue } from '../app-context.js';
import { commandFor } from '../keys/bindings.js';
import { STATUS_SYMBOL, theme } from '../theme.js';
import { shortCount } from './parts/text-lines.js';
import { useScreenHints } from '../hooks/use-screen-hints.js';
import { useKeys } from '../keys/keypress.js';

export type HomeItem = { kind: 'continue'; c: Continuable } | { kind: 'scenario'; s: Scenario };

/** 'all', one of the four, or an imported scenario's own category (e.g. a mock one). */
export type CategoryFilter = 'all' | string;

export const SHORT_CATEGORY: Record<Category, string> = {
  'domain-knowledge-reasoning': 'Domain',
  'rule-system-application': 'Rules',
  'procedural-task-execution': 'Procedure',
  'empirical-discovery-simulation': 'Empirical',
};

/** The category column: a short name for the four, an imported category as written. */
export function shortCategory(c: string): string {
  return isKnownCategory(c) ? SHORT_CATEGORY[c] : c;
}

/** Continue entries first (newest first), then the scenarios of the chosen category by title. */
export function homeItems(scenarios: readonly Scenario[], runs: readonly RunRecord[], player: string, filter: CategoryFilter): HomeItem[] {
  const inFilter = (s: Scenario) => filter === 'all' || s.category === filter;
  const cont = continuableRuns(runs, scenarios, player).filter((c) => inFilter(c.scenario));
  const list = scenarios.filter(inFilter).sort((a, b) => a.title.localeCompare(b.title));
  return [...cont.map((c) => ({ kind: 'continue' as const, c })), ...list.map((s) => ({ kind: 'scenario' as const, s }))];
}

/** "2/3 ✓" style last result of a finished run. */
export function lastResultText(run: RunRecord | undefined): string {
  if (!run) return '';
  if ((run.reveal ?? 'task') === 'never') return 'done';
  const s = runScore(run);
  return `${s.solved}/${s.tasks}${s.pending ? ` +${s.pending}${STATUS_SYMBOL.pending}` : s.solved === s.tasks ? ` ${STATUS_SYMBOL.pass}` : ''}`;
}

interface Columns {
  title: number;
  category: number;
  tasks: number;
  minutes: number;
  context: number;
  last: number;
}

export function homeColumns(width: number): Columns {
  const category = width >= 90 ? 10 : 0;
  const context = width >= 70 ? 8 : 0;
  const tasks = 6;
  const minutes = 6;
  const last = 9;
  const title = Math.max(8, width - 2 - category - context - tasks - minutes - last);
  return { title, category, tasks, minutes, context, last };
}

function cell(text: string, w: number, right = false): string {
  if (w <= 0) return '';
  const t = truncateToWidth(text, w - 1);
  return right ? ' '.repeat(Math.max(0, w - 1 - displayWidth(t))) + t + ' ' : padToWidth(t, w);
}

export function HomeScreen(): React.JSX.Element {
  const app = useAppValue();
  const { columns } = app.size;
  const height = app.bodyRows;
  const player = app.player ?? '';
  const runs = useMemo(() => app.runs ?? [], [app.runs]);
  const present = useMemo(() => {
    const known = CATEGORIES.filter((c) => app.deps.scenarios.some((s) => s.category === c));
    const other = [...new Set(app.deps.scenarios.map((s) => s.category).filter((c) => !isKnownCategory(c)))].sort();
    return [...known, ...other];
  }, [app.deps.scenarios]);
  const filters: CategoryFilter[] = ['all', ...present];
  const [filterIndex, setFilterIndex] = useState(0);
  const filter = filters[filterIndex % filters.length]!;
  const items = useMemo(() => homeItems(app.deps.scenarios, runs, player, filter), [app.deps.scenarios, runs, player, filter]);
  const last = useMemo(() => lastResults(runs, player), [runs, player]);
  const [selected, setSelected] = useState(0);
  const sel = Math.min(selected, Math.max(0, items.length - 1));
  const problems = app.deps.scenarioProblems?.length ?? 0;
  const headerRows = 3;
  const saveProblems = app.saveProblems;
  const footerRows = 2 + (problems ? 1 : 0) + (saveProblems.length ? 1 : 0);
  const listRows = Math.max(1, height - headerRows - footerRows);
  const [top, setTop] = useState(0);
  let t = top;
  if (sel < t) t = sel;
  if (sel >= t + listRows) t = sel - listRows + 1;
  if (t !== top) setTop(t);
  const { showHelp, openScenario, continueRun, quit } = app.actions;
  useScreenHints(['home']);

  useKeys(
    (input, key) => {
      const cmd = commandFor(['home', 'global'], input, key);
      switch (cmd) {
        case 'home.up':
          setSelected(Math.max(0, sel - 1));
          break;
        case 'home.down':
          setSelected(Math.min(items.length - 1, sel + 1));
          break;
        case 'home.pageUp':
          setSelected(Math.max(0, sel - listRows));
          break;
        case 'home.pageDown':
          setSelected(Math.min(items.length - 1, sel + listRows));
          break;
        case 'home.nextCategory':
          setFilterIndex((i) => (i + 1) % filters.length);
          setSelected(0);
          break;
        case 'home.prevCategory':
          setFilterIndex((i) => (i - 1 + filters.length) % filters.length);
          setSelected(0);
          break;
        case 'home.open': {
          const item = items[sel];
          if (!item) break;
          if (item.kind === 'continue') continueRun(item.c.scenario, item.c.run);
          else openScenario(item.s);
          break;
        }
        case 'home.quit':
          quit();
          break;
        case 'app.help':
          showHelp(['home']);
          break;
        default:
          break;
      }
    },
    { isActive: !app.modal },
  );

  const c = homeColumns(columns);
  const filterLabel = filter === 'all' ? 'All categories' : categoryName(filter);
  const head = `  ${cell('Scenario', c.title)}${cell('Category', c.category)}${cell('Tasks', c.tasks, true)}${cell('Min', c.minutes, true)}${cell('Context', c.context, true)}${cell('Last', c.last)}`;
  const current = items[sel];
  const detail =
    current?.kind === 'scenario'
      ? `${categoryName(current.s.category)} › ${sanitizeInline(current.s.subcategory)} · ${current.s.origin} · ${current.s.language}`
      : current?.kind === 'continue'
        ? `Unfinished run ${current.c.run.id} · ${current.c.done} of ${current.c.run.tasks.length} tasks answered${current.c.changed ? ' · the scenario changed since' : ''}`
        : '';
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Box width={columns}>
        <Text bold color={theme.accent}>
          clplay
        </Text>
        <Text wrap="truncate-end">{truncateToWidth(` · playing as ${sanitizeInline(player)}`, Math.max(1, columns - 7))}</Text>
      </Box>
      <Text wrap="truncate-end">
        <Text color={theme.text.muted}>Category: </Text>
        <Text bold>{filterLabel}</Text>
        <Text color={theme.text.muted}>{truncateToWidth(`  (${filterIndex % filters.length + 1}/${filters.length}, c to change) · ${items.length} shown`, Math.max(1, columns - 12 - displayWidth(filterLabel)))}</Text>
      </Text>
      <Text color={theme.text.muted} bold wrap="truncate-end">
        {truncateToWidth(head, columns)}
      </Text>
      <Box flexDirection="column" height={listRows}>
        {items.length === 0 ? (
          <Text color={theme.text.muted}>No scenarios found. Add a folder with --scenarios DIR (see clplay list).</Text>
        ) : (
          items.slice(t, t + listRows).map((item, i) => {
            const idx = t + i;
            const isSel = idx === sel;
            const marker = isSel ? '▸ ' : '  ';
            if (item.kind === 'continue') {
              const k = Math.min(item.c.done + 1, item.c.run.tasks.length);
              const text = `${marker}${cell(`↻ Continue: ${sanitizeInline(item.c.scenario.title)}`, c.title)}${cell(shortCategory(item.c.scenario.category), c.category)}${cell(`${k}/${item.c.run.tasks.length}`, c.tasks, true)}${cell(String(item.c.scenario.estimatedMinutes), c.minutes, true)}${cell(shortCount(item.c.scenario.context.length), c.context, true)}${cell(item.c.run.tasks[item.c.done]?.draft ? 'draft' : '', c.last)}`;
              return (
                <Text key={`c${item.c.run.id}`} color={theme.text.warning} inverse={isSel && theme.noColor} bold={isSel} wrap="truncate-end">
                  {truncateToWidth(text, columns)}
                </Text>
              );
            }
            const s = item.s;
            const text = `${marker}${cell(sanitizeInline(s.title), c.title)}${cell(shortCategory(s.category), c.category)}${cell(String(s.tasks.length), c.tasks, true)}${cell(String(s.estimatedMinutes), c.minutes, true)}${cell(shortCount(s.context.length), c.context, true)}${cell(lastResultText(last.get(s.id)), c.last)}`;
            return (
              <Text key={s.id} color={isSel ? theme.accent : undefined} inverse={isSel && theme.noColor} bold={isSel} wrap="truncate-end">
                {truncateToWidth(text, columns)}
              </Text>
            );
          })
        )}
      </Box>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(detail || ' ', columns)}
      </Text>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(app.runs === null ? 'Reading the saves…' : `${app.deps.scenarios.length} scenario${app.deps.scenarios.length === 1 ? '' : 's'} · ${runs.length} saved run${runs.length === 1 ? '' : 's'}${app.deps.savesDir ? ` in ${sanitizeInline(app.deps.savesDir)}` : ''}`, columns)}
      </Text>
      {problems ? (
        <Text color={theme.text.warning} wrap="truncate-end">
          {truncateToWidth(`${problems} problem${problems === 1 ? '' : 's'} in scenario files (run clplay validate)`, columns)}
        </Text>
      ) : null}
      {saveProblems.length ? (
        <Text color={theme.text.warning} wrap="truncate-end">
          {truncateToWidth(
            `Skipped ${saveProblems.length === 1 ? 'a file' : `${saveProblems.length} files`} in the saves folder: ${sanitizeInline(saveProblems[0]!)}${saveProblems.length > 1 ? ` (and ${saveProblems.length - 1} more; clplay results lists them)` : ''}`,
            columns,
          )}
        </Text>
      ) : null}
    </Box>
  );
}
