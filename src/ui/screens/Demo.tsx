// `clplay demo`: the saved runs that make good demos, best first (a model failed what a person
// solved, or fell into a trap). Enter replays one on the watch screen with the person's answers
// beside the model's; leaving the replay comes back here. Offline: nothing is asked of a model.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { demoReason, type DemoCandidate } from '../../core/replay/demos.js';
import { ReplaySession, type ReplayClock } from '../../core/replay/replay-session.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { truncateToWidth } from '../../core/text/width.js';
import { KeyHints } from '../components/KeyHints.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { commandFor, type KeyContext } from '../keys/bindings.js';
import { useKeys } from '../keys/keypress.js';
import { useRawInput } from '../keys/use-raw-input.js';
import { theme } from '../theme.js';
import { WatchScreen } from './Watch.js';

export interface DemoEntry {
  candidate: DemoCandidate;
  scenario: Scenario;
  notes: string[];
}

export interface DemoScreenProps {
  entries: DemoEntry[];
  size?: Partial<TerminalSize>;
  /** Tests: the replay's clock. */
  clock?: ReplayClock;
}

export function modelName(c: DemoCandidate): string {
  return c.model.player.kind === 'model' ? c.model.player.model : 'model';
}

export function DemoScreen({ entries, size: fixed, clock }: DemoScreenProps): React.JSX.Element {
  const size = useTerminalSize(fixed);
  const { exit } = useApp();
  const raw = useRawInput();
  const [sel, setSel] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const contexts: KeyContext[] = ['demo', 'global'];
  const session = useMemo(() => {
    if (open === null) return null;
    const e = entries[open]!;
    const p = e.candidate.person;
    const beside = p && p.player.kind === 'human' ? { label: p.player.name, run: p } : undefined;
    return new ReplaySession({ scenario: e.scenario, run: e.candidate.model, notes: e.notes, beside, ...(clock ? { clock } : {}) });
  }, [open, entries, clock]);
  useEffect(() => {
    if (!session) return;
    void session.start();
    return () => void session.close();
  }, [session]);

  useKeys(
    (input, key) => {
      if (help) return;
      switch (commandFor(contexts, input, key, raw())) {
        case 'demo.up':
          setSel((s) => Math.max(0, s - 1));
          return;
        case 'demo.down':
          setSel((s) => Math.min(entries.length - 1, s + 1));
          return;
        case 'demo.open':
          if (entries[sel]) setOpen(sel);
          return;
        case 'app.help':
          setHelp(true);
          return;
        case 'demo.quit':
        case 'app.quit':
          exit();
          return;
      }
    },
    { isActive: open === null },
  );

  if (session && open !== null) {
    return <WatchScreen key={open} session={session} model={modelName(entries[open]!.candidate)} size={size} keepApp onExit={() => setOpen(null)} />;
  }
  const bodyRows = Math.max(4, size.rows - 3);
  const perEntry = 2;
  const top = Math.max(0, Math.min(sel - Math.floor(bodyRows / perEntry / 2), entries.length - Math.floor(bodyRows / perEntry)));
  const shown = entries.slice(top, top + Math.max(1, Math.floor(bodyRows / perEntry)));
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows - 1}>
      <Text bold wrap="truncate-end">
        {truncateToWidth(`Demos: ${entries.length} saved run${entries.length === 1 ? '' : 's'} worth showing, best first (offline replays)`, size.columns)}
      </Text>
      {help ? (
        <HelpOverlay contexts={contexts} width={size.columns} height={bodyRows} onClose={() => setHelp(false)} />
      ) : (
        <Box flexDirection="column" height={bodyRows} overflow="hidden">
          {entries.length === 0 ? (
            <Text color={theme.text.muted} wrap="wrap">
              No saved run makes a demo yet: one needs a model run that failed a task a person solved (play it with `clplay play SCENARIO`, run a model with `clplay watch` or `clplay run`), or a model answer that fell into a trap.
            </Text>
          ) : (
            shown.map((e, k) => {
              const i = top + k;
              const c = e.candidate;
              const mark = i === sel ? '›' : ' ';
              return (
                <Box key={c.model.id} flexDirection="column">
                  <Text bold={i === sel} color={i === sel ? theme.text.accent : undefined} wrap="truncate-end">
                    {truncateToWidth(`${mark} ${sanitizeInline(modelName(c))} · ${sanitizeInline(c.scenarioTitle)} · ${c.model.id}`, size.columns)}
                  </Text>
                  <Text color={theme.text.muted} wrap="truncate-end">
                    {truncateToWidth(`    ${sanitizeInline(demoReason(c))}`, size.columns)}
                  </Text>
                </Box>
              );
            })
          )}
        </Box>
      )}
      <Box height={1} overflow="hidden">
        <KeyHints contexts={contexts} width={size.columns} />
      </Box>
    </Box>
  );
}
