// `clplay play SCENARIO` (or choosing a scenario on the home screen) when this player has an
// unfinished run of it: continue that run (with its draft) or start a new one.
import React from 'react';
import { Box, Text } from 'ink';
import type { RunRecord } from '../../core/runs/types.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { firstOpenTask } from '../../core/play/session.js';
import { lastActivity } from '../../core/play/resume.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { truncateToWidth } from '../../core/text/width.js';
import { useAppValue } from '../app-context.js';
import { Confirm } from '../components/Confirm.js';
import { theme } from '../theme.js';
import { useScreenHints } from '../hooks/use-screen-hints.js';

export function agoText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

export function OfferScreen({ scenario, run }: { scenario: Scenario; run: RunRecord }): React.JSX.Element {
  const app = useAppValue();
  const { columns } = app.size;
  const now = (app.deps.now ?? Date.now)();
  const k = firstOpenTask(run);
  const draft = run.tasks[k]?.draft;
  const { continueRun, startRun } = app.actions;
  useScreenHints(['confirm']);
  const line = (t: string, color?: string) => (
    <Text color={color} wrap="truncate-end">
      {truncateToWidth(t, columns - 1)}
    </Text>
  );
  return (
    <Box flexDirection="column" width={columns}>
      {line(sanitizeInline(scenario.title), theme.accent)}
      <Text> </Text>
      {line(`You have an unfinished run of this scenario (last active ${agoText(now - lastActivity(run))}).`)}
      {line(`${k} of ${run.tasks.length} tasks answered; next: task ${Math.min(k + 1, run.tasks.length)}${draft ? `, with a saved draft (${[...draft].length} characters)` : ''}.`, theme.text.muted)}
      {scenario.hash !== run.scenarioHash ? line('Note: the scenario file changed since this run began.', theme.text.warning) : null}
      <Text> </Text>
      <Confirm
        message="Continue it? (n starts a new run; the old one stays saved)"
        onConfirm={() => continueRun(scenario, run)}
        onCancel={() => void startRun(scenario)}
        focus={!app.modal}
      />
    </Box>
  );
}
