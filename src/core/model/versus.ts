// Versus: a person plays a scenario while a model answers the same tasks in the background.
// Each side is a run of its own (the model's is a normal model run), linked by one `matchId`.
// The model is asked task i when the person reaches task i (`ensure(i)`), in order - under own
// history it needs its own earlier answers. Its answer and verdicts stay hidden until the
// person has submitted task i (`view(i, personSubmitted)`); the screen decides when to ask.
// No React here: the UI subscribes.
import type { Judge } from '../judge/judge.js';
import { taskForJudge } from '../clbench/question.js';
import type { RunStore } from '../runs/store.js';
import type { HistoryMode, RunRecord, TaskResult } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { ChatClient } from './client.js';
import { newMatchId, newModelRun, finishRun, isAnswered, playTask } from './player.js';
import { applyJudge, withGrade } from '../judge/grade-task.js';
import { overrideVerdict } from '../judge/override.js';

export type VersusPhase = 'waiting' | 'answering' | 'done' | 'failed';

export interface VersusTaskView {
  phase: VersusPhase;
  /** Only when revealed (the person submitted this task). */
  result?: TaskResult;
  /** Characters received so far (shown as progress without revealing the text). */
  chars: number;
  revealed: boolean;
}

export interface VersusOptions {
  scenario: Scenario;
  client: ChatClient;
  endpoint: import('./endpoint.js').Endpoint;
  judge?: Judge;
  store: Pick<RunStore, 'create' | 'save'>;
  history: HistoryMode;
  /** The match id shared with the person's run (default: a new one). */
  matchId?: string;
  /**
   * Continue this saved model run (a person continuing an unfinished versus run): its answered
   * tasks are kept, the rest asked again; its matchId is the match's.
   */
  resume?: RunRecord;
  onError?: (err: unknown) => void;
}

export class VersusMatch {
  readonly matchId: string;
  readonly run: RunRecord;
  private phases: VersusPhase[];
  private chars: number[];
  private listeners = new Set<() => void>();
  private queue: Promise<void> = Promise.resolve();
  private wanted = -1;
  private created: Promise<void>;
  private ctl = new AbortController();
  private closed = false;
  private version = 0;

  constructor(private readonly o: VersusOptions) {
    if (o.resume) {
      this.run = o.resume;
      this.matchId = o.resume.matchId ?? o.matchId ?? newMatchId();
      this.run.matchId = this.matchId;
      this.run.status = 'in-progress';
      delete this.run.endedAt;
      this.created = o.store.save(this.run).catch((err) => o.onError?.(err));
    } else {
      this.matchId = o.matchId ?? newMatchId();
      this.run = newModelRun(o.scenario, o.endpoint, { history: o.history, matchId: this.matchId, judge: o.judge?.model });
      this.created = o.store.create(this.run).catch((err) => o.onError?.(err));
    }
    this.phases = o.scenario.tasks.map((_, i) => (isAnswered(this.run.tasks[i]) ? 'done' : 'waiting'));
    this.chars = o.scenario.tasks.map(() => 0);
  }

  /** The model's name (for labels). */
  get model(): string {
    return this.o.endpoint.model;
  }

  /** Every task the model was asked has ended (answered or failed); none in flight. */
  get idle(): boolean {
    return !this.phases.some((p) => p === 'answering') && this.phases.slice(0, this.wanted + 1).every((p) => p !== 'waiting');
  }

  /**
   * A person marks rubric item `item` of the model's task `task` pass or fail (deciding a pending
   * item or overriding any verdict): the model's run keeps who, when and the earlier verdict,
   * and is saved at once. Only an answered task can be judged (false otherwise).
   */
  async judge(task: number, item: number, status: 'pass' | 'fail', person: string, now = new Date()): Promise<boolean> {
    const t = this.run.tasks[task];
    if (!t || !isAnswered(t) || this.phases[task] !== 'done' || !t.verdicts[item]) return false;
    this.run.tasks[task] = overrideVerdict(t, item, status, person, { now });
    this.changed();
    await this.created;
    await this.o.store.save(this.run);
    return true;
  }

  /** Link the person's run to this match (call before that run is saved again). */
  link(personRun: RunRecord): void {
    personRun.matchId = this.matchId;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Bumped on every change (useSyncExternalStore snapshot). */
  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Make sure the model answers tasks 0..i (in order, in the background). */
  ensure(i: number): void {
    if (this.closed || i <= this.wanted) return;
    const from = this.wanted + 1;
    this.wanted = Math.min(i, this.o.scenario.tasks.length - 1);
    for (let k = from; k <= this.wanted; k++) {
      this.queue = this.queue.then(() => this.answer(k));
    }
  }

  private async answer(k: number): Promise<void> {
    if (this.closed || isAnswered(this.run.tasks[k])) {
      if (isAnswered(this.run.tasks[k])) this.phases[k] = 'done';
      return;
    }
    await this.created;
    this.phases[k] = 'answering';
    this.changed();
    try {
      let lastBump = 0;
      const out = await playTask(this.o.scenario, this.run, k, {
        client: this.o.client,
        store: this.o.store,
        signal: this.ctl.signal,
        onStop: 'discard',
        onDelta: (d) => {
          this.chars[k]! += d.length;
          const now = Date.now();
          if (now - lastBump > 100) {
            lastBump = now;
            this.changed();
          }
        },
        onRetry: () => {
          this.chars[k] = 0;
        },
      });
      if (out.kind === 'stopped') {
        this.phases[k] = 'waiting';
      } else if (out.kind === 'failed' || out.kind === 'config-error') {
        this.phases[k] = 'failed';
      } else {
        if (this.o.judge && !this.closed) {
          const graded = await applyJudge(taskForJudge(this.o.scenario, k), out.result.answer ?? '', out.result.verdicts, this.o.judge, this.ctl.signal);
          Object.assign(out.result, withGrade(out.result, graded));
          await this.o.store.save(this.run);
        }
        this.phases[k] = 'done';
      }
    } catch (err) {
      this.phases[k] = 'failed';
      this.o.onError?.(err);
    }
    this.changed();
  }

  /** What the screen may show for task i; the answer only once the person has submitted it. */
  view(i: number, personSubmitted: boolean): VersusTaskView {
    const phase = this.phases[i] ?? 'waiting';
    const revealed = personSubmitted && (phase === 'done' || phase === 'failed');
    return { phase, chars: this.chars[i] ?? 0, revealed, ...(revealed ? { result: this.run.tasks[i] } : {}) };
  }

  /** Wait until the model has ended task i (tests, the summary). */
  async settled(i: number): Promise<void> {
    this.ensure(i);
    await this.queue;
  }

  /** Stop: a request in flight is abandoned (not saved as an answer); the run is saved as stopped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ctl.abort();
    await this.queue.catch(() => undefined);
    await this.created;
    finishRun(this.run, this.run.tasks.some((t) => !isAnswered(t) && !t.error));
    await this.o.store.save(this.run);
  }
}
