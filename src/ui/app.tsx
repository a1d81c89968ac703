// The root of the interactive app: one state for the whole app (screen, player, the run being
// played, saved runs), screen routing, the footer (key hints, questions, notices), the key help,
// and a safe Ctrl+C (asks first while a run is open; the draft is saved before leaving).
// The root is never taller than rows - 1: Ink 6.8 redraws the whole screen otherwise.
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { VersusMatch } from '../core/model/versus.js';
import { PlayController } from '../core/play/controller.js';
import { continuableRuns } from '../core/play/resume.js';
import { newHumanRun } from '../core/play/session.js';
import { formatClock } from '../core/play/baseline.js';
import { useStudyClock } from './hooks/use-study-clock.js';
import type { RunRecord } from '../core/runs/types.js';
import type { Scenario } from '../core/scenario/schema.js';
import { errorMessage } from '../core/errors.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { truncateToWidth } from '../core/text/width.js';
import { AppContext, type AppActions, type AppDeps, type AppValue, type Screen } from './app-context.js';
import { Confirm } from './components/Confirm.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { KeyHints } from './components/KeyHints.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { matches, type KeyContext } from './keys/bindings.js';
import { HomeScreen } from './screens/Home.js';
import { NameScreen } from './screens/NameScreen.js';
import { OfferScreen } from './screens/OfferScreen.js';
import { PlayScreen } from './screens/Play.js';
import { SummaryScreen } from './screens/Summary.js';
import { VerdictsScreen } from './screens/Verdicts.js';
import { theme } from './theme.js';
import { VersusPanel } from './versus/VersusPanel.js';
import { useKeys } from './keys/keypress.js';

export interface AppProps {
  deps: AppDeps;
}

export function App({ deps }: AppProps): React.JSX.Element {
  const size = useTerminalSize(deps.size);
  const { exit } = useApp();
  const now = deps.now ?? Date.now;
  // The home screen draws at once (its list of unfinished runs fills in when the saves are read);
  // playing a scenario waits for the saves, to offer an unfinished run of it first.
  const [screen, setScreen] = useState<Screen>(
    !deps.player ? { name: 'name' } : deps.start.screen === 'home' ? { name: 'home' } : { name: 'loading' },
  );
  const [player, setPlayerState] = useState<string | null>(deps.player);
  const [ctl, setCtlState] = useState<PlayController | null>(null);
  const [match, setMatchState] = useState<VersusMatch | null>(null);
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  const [saveProblems, setSaveProblems] = useState<string[]>([]);
  const [quitAsked, setQuitAsked] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [help, setHelp] = useState<readonly KeyContext[] | null>(null);
  const [hints, setHintsState] = useState<readonly KeyContext[]>(['global']);
  const [notice, setNotice] = useState<string | null>(null);
  const ctlRef = useRef<PlayController | null>(null);
  const matchRef = useRef<VersusMatch | null>(null);
  const runsRef = useRef<RunRecord[] | null>(null);
  runsRef.current = runs;
  const playerRef = useRef(player);
  playerRef.current = player;

  const setCtl = useCallback(
    (c: PlayController | null) => {
      ctlRef.current = c;
      setCtlState(c);
      deps.onController?.(c);
    },
    [deps],
  );

  const setMatch = useCallback(
    (m: VersusMatch | null) => {
      matchRef.current = m;
      setMatchState(m);
      deps.onMatch?.(m);
    },
    [deps],
  );

  /** Versus: the model's side of a run about to be played (links the run's matchId); null if it cannot start. */
  const startMatch = useCallback(
    (scenario: Scenario, run: RunRecord): VersusMatch | null | 'failed' => {
      if (!deps.versus) return null;
      try {
        return deps.versus.start(scenario, run, {
          saved: runsRef.current ?? [],
          onError: (err) => setNotice(`${deps.versus!.label}: ${errorMessage(err)}`),
        });
      } catch (err) {
        setNotice(`cannot start the match: ${errorMessage(err)}`);
        return 'failed';
      }
    },
    [deps],
  );

  const refreshRuns = useCallback(async () => {
    try {
      const { runs: list, problems } = await deps.store.list();
      setSaveProblems(problems);
      setRuns(list);
      return list;
    } catch (err) {
      setNotice(`could not read the saves: ${errorMessage(err)}`);
      setRuns([]);
      return [];
    }
  }, [deps]);

  useEffect(() => {
    void refreshRuns();
  }, [refreshRuns]);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);

  const onSaveError = useCallback((err: unknown, keptAt: string | undefined) => {
    setNotice(
      keptAt
        ? `NOT SAVED - your answers are safe in ${keptAt}; clplay keeps trying (${errorMessage(err)})`
        : `NOT SAVED: ${errorMessage(err)} - and no recovery file could be written; keep clplay open, it retries with your next change`,
    );
  }, []);

  const makeController = useCallback(
    (scenario: Scenario, run: RunRecord) =>
      new PlayController(scenario, run, {
        save: (r) => deps.store.save(r),
        grade: deps.grade,
        now,
        delayMs: deps.draftDelayMs,
        onSaveError,
        recovery: deps.recovery,
      }),
    [deps, now, onSaveError],
  );

  // The lock on the run being played (one writer per run), released once it is closed.
  const runLockRef = useRef<{ release(): Promise<void> } | null>(null);
  const takeRunLock = useCallback(
    async (runId: string): Promise<boolean> => {
      if (!deps.lockRun) return true;
      const got = await deps.lockRun(runId).catch(() => null);
      if (got && 'heldBy' in got) {
        setNotice(`this run is open in ${got.heldBy}; finish it there, or wait until it is closed`);
        return false;
      }
      runLockRef.current = got;
      return true;
    },
    [deps],
  );
  const releaseRunLock = useCallback(async () => {
    const l = runLockRef.current;
    runLockRef.current = null;
    await l?.release().catch(() => undefined);
  }, []);

  const actions = useMemo<AppActions>(() => {
    const a: AppActions = {
      async startRun(scenario) {
        const name = playerRef.current ?? 'player';
        const fresh = newHumanRun({ id: deps.newRunId(), scenario, player: { kind: 'human', name }, reveal: deps.reveal, history: deps.history, at: now() });
        const run = deps.study ? { ...fresh, study: deps.study.tag } : fresh;
        // Versus: the model's run is created first and the person's run carries its matchId.
        const m = startMatch(scenario, run);
        if (m === 'failed') {
          setScreen({ name: 'home' });
          return;
        }
        try {
          await deps.store.create(run);
        } catch (err) {
          void m?.close();
          setNotice(`cannot start a run: ${errorMessage(err)}`);
          setScreen({ name: 'home' });
          return;
        }
        await takeRunLock(run.id);
        setMatch(m);
        setCtl(makeController(scenario, run));
        setScreen({ name: 'play' });
      },
      continueRun(scenario, run) {
        const open = () => {
          const m = startMatch(scenario, run);
          if (m === 'failed') {
            void releaseRunLock();
            setScreen({ name: 'home' });
            return;
          }
          setMatch(m);
          setCtl(makeController(scenario, run));
          setScreen({ name: 'play' });
        };
        if (!deps.lockRun) return open();
        // The same run open in another terminal would be written by two processes: refuse.
        void takeRunLock(run.id).then((ok) => (ok ? open() : setScreen({ name: 'home' })));
      },
      openScenario(scenario) {
        const list = runsRef.current ?? [];
        const open = continuableRuns(list, [scenario], playerRef.current ?? '');
        if (open[0]) setScreen({ name: 'offer', scenario, run: open[0].run });
        else void a.startRun(scenario);
      },
      afterSubmit(index) {
        const c = ctlRef.current;
        if (!c) return;
        const reveal = c.run.reveal ?? 'task';
        if (reveal === 'task') setScreen({ name: 'verdicts', index });
        else if (c.finished) {
          void refreshRuns();
          setScreen({ name: 'summary' });
        } else setScreen({ name: 'play' });
      },
      next() {
        const c = ctlRef.current;
        if (c?.finished) {
          void refreshRuns();
          setScreen({ name: 'summary' });
        } else setScreen({ name: 'play' });
      },
      goHome() {
        // A study plays one scenario per app: leaving it hands back to `clplay study join`.
        if (deps.study) {
          a.quit();
          return;
        }
        const c = ctlRef.current;
        const m = matchRef.current;
        setCtl(null);
        setMatch(null);
        setScreen({ name: 'loading' });
        void (async () => {
          // The model's run is saved too (stopped, if it had not answered every task).
          await Promise.all([c?.close(), m?.close().catch((err) => setNotice(`the model's run was not saved: ${errorMessage(err)}`))]);
          await releaseRunLock();
          await refreshRuns();
          setScreen({ name: 'home' });
        })();
      },
      async setPlayer(name) {
        const clean = name.trim();
        if (!clean) return;
        setPlayerState(clean);
        playerRef.current = clean;
        try {
          await deps.savePlayerName?.(clean);
        } catch (err) {
          setNotice(`name not saved in the settings: ${errorMessage(err)}`);
        }
        setScreen({ name: 'loading' });
      },
      quit() {
        setQuitAsked(false);
        setLeaving(true);
        const c = ctlRef.current;
        const m = matchRef.current;
        void (async () => {
          try {
            await Promise.all([c?.close(), m?.close().catch(() => undefined)]);
            await releaseRunLock();
          } finally {
            exit();
          }
        })();
      },
      showHelp(contexts) {
        setHelp([...contexts, 'global']);
      },
      setHints(contexts) {
        setHintsState((prev) => (prev.length === contexts.length && prev.every((c, i) => c === contexts[i]) ? prev : contexts));
      },
      notify(message) {
        setNotice(message);
      },
    };
    return a;
  }, [deps, now, exit, makeController, refreshRuns, setCtl, setMatch, startMatch, takeRunLock, releaseRunLock]);

  // Leaving the loading screen once the saves are read: the start target decides where to go.
  const startedRef = useRef(false);
  useEffect(() => {
    if (screen.name !== 'loading' || !player || ctl) return;
    if (deps.start.screen === 'play' && !startedRef.current) {
      if (runs === null) return;
      startedRef.current = true;
      actions.openScenario(deps.start.scenario);
    } else setScreen({ name: 'home' });
  }, [screen.name, runs, player, ctl, deps, actions]);

  const onTimeUp = useCallback(() => {
    setNotice('Time is up for this scenario: your draft was submitted as it stood.');
    actions.afterSubmit(Math.max(0, (ctlRef.current?.run.tasks.length ?? 1) - 1));
  }, [actions]);
  const timeLeft = useStudyClock(ctl, deps.study?.timeLimitMs, onTimeUp);

  const runOpen = ctl !== null && !ctl.finished;
  useKeys(
    (input, key) => {
      if (!matches('app.quit', input, key)) return;
      if (quitAsked || !runOpen) actions.quit();
      else setQuitAsked(true);
    },
    { isActive: !leaving },
  );

  const modal = quitAsked || help !== null || leaving;
  const bodyRows = Math.max(4, size.rows - 2);
  const value: AppValue = { deps, match, size, screen, player, ctl, runs, saveProblems, modal, bodyRows, actions };

  let body: React.ReactNode;
  switch (screen.name) {
    case 'loading':
      body = <Text color={theme.text.muted}>Reading the saves…</Text>;
      break;
    case 'name':
      body = <NameScreen />;
      break;
    case 'home':
      body = <HomeScreen />;
      break;
    case 'offer':
      body = <OfferScreen scenario={screen.scenario} run={screen.run} />;
      break;
    case 'summary':
      body = ctl ? <SummaryScreen ctl={ctl} /> : null;
      break;
    default:
      body = null;
  }
  // The play screen stays mounted behind the verdicts, so the reader keeps its place and search.
  const playing = ctl !== null && (screen.name === 'play' || screen.name === 'verdicts');

  let footer: React.ReactNode;
  if (leaving) footer = <Text color={theme.text.muted}>Saving and leaving…</Text>;
  else if (quitAsked)
    footer = (
      <Confirm
        message={
          ctl?.lastSaveError && ctl.keptAt
            ? `Leave clplay? Saving failed: your run is kept in ${ctl.keptAt} (bring it back with clplay saves recover).`
            : 'Leave clplay? Your draft is kept.'
        }
        onConfirm={() => actions.quit()}
        onCancel={() => setQuitAsked(false)}
      />
    );
  else if (notice)
    footer = (
      <Text color={theme.text.warning} wrap="truncate-end">
        {truncateToWidth(sanitizeInline(notice), size.columns)}
      </Text>
    );
  else if (timeLeft !== null) {
    const clock = `Time left ${formatClock(timeLeft)} · `;
    footer = (
      <Box>
        <Text color={timeLeft < 60_000 ? theme.text.warning : theme.accent}>{clock}</Text>
        <KeyHints contexts={[...hints, 'global']} width={Math.max(1, size.columns - clock.length)} />
      </Box>
    );
  } else footer = <KeyHints contexts={[...hints, 'global']} width={size.columns} />;

  return (
    <AppContext.Provider value={value}>
      <Box flexDirection="column" width={size.columns} height={size.rows - 1}>
        <Box flexDirection="column" height={bodyRows} overflow="hidden">
          {help ? <HelpOverlay contexts={help} width={size.columns} height={bodyRows} onClose={() => setHelp(null)} /> : null}
          <Box flexDirection="column" display={help ? 'none' : 'flex'} height={bodyRows}>
            {playing ? (
              <Box display={screen.name === 'play' ? 'flex' : 'none'} flexDirection="column" height={bodyRows}>
                <PlayScreen
                  ctl={ctl}
                  active={screen.name === 'play' && !modal}
                  renderBeside={
                    match
                      ? (w, h, i) => (
                          <VersusPanel match={match} index={i} task={ctl.scenario.tasks[i]!} personResult={ctl.run.tasks[i]} width={w} height={h} label={match.model} />
                        )
                      : undefined
                  }
                />
              </Box>
            ) : null}
            {screen.name === 'verdicts' && ctl ? <VerdictsScreen key={screen.index} ctl={ctl} index={screen.index} /> : body}
          </Box>
        </Box>
        <Box height={1} overflow="hidden">
          {footer}
        </Box>
      </Box>
    </AppContext.Provider>
  );
}
