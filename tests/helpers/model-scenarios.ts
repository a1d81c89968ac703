// Small scenarios built in memory (and written to temp folders) for the model player's tests.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, Task } from '../../src/core/scenario/schema.js';

export function task(id: string, prompt: string, over: Partial<Task> = {}): Task {
  return { id, prompt, rubric: [{ text: `Says ANSWER-${id}.`, check: { type: 'includes', value: `ANSWER-${id}` } }], ...over };
}

export function scenario(id: string, tasks: Task[], over: Partial<Scenario> = {}): Scenario {
  const s: Scenario = {
    id,
    title: `Test ${id}`,
    category: 'rule-system-application',
    subcategory: 'Game Mechanics',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 5,
    system: `You answer questions about ${id}.`,
    context: `CONTEXT OF ${id}: the lantern moves two squares.`,
    tasks,
    path: `/tmp/${id}.yaml`,
    hash: '',
    ...over,
  };
  s.hash = createHash('sha256').update(JSON.stringify({ ...s, hash: '' })).digest('hex');
  return s;
}

/** Writes a scenario YAML (JSON is valid YAML) that the loader accepts. Returns its path. */
export function writeScenarioFile(dir: string, id: string, nTasks: number, opts: { judged?: boolean } = {}): string {
  const file = {
    id,
    title: `Generated ${id}`,
    category: 'rule-system-application',
    subcategory: 'Game Mechanics',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 5,
    system: `You answer questions about ${id}.`,
    context: `The context of ${id}. The lantern moves exactly two squares.`,
    tasks: Array.from({ length: nTasks }, (_, k) => ({
      id: `t${k + 1}`,
      prompt: `Task ${k + 1} of ${id}: say ANSWER-t${k + 1}.`,
      rubric: [
        { text: `Says ANSWER-t${k + 1}.`, check: { type: 'includes', value: `ANSWER-t${k + 1}` } },
        ...(opts.judged ? [{ text: `Explains why, citing the rule of ${id}.` }] : []),
      ],
    })),
  };
  const path = join(dir, `${id}.json`);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

/** The task id a request is about: its last user message says "Task k of ID". */
export function taskOf(body: { messages: { role: string; content: string }[] }): { scenario: string; task: string } | undefined {
  const last = body.messages[body.messages.length - 1]!.content;
  const m = /Task (\d+) of ([a-z0-9-]+)/.exec(last);
  return m ? { scenario: m[2]!, task: `t${m[1]}` } : undefined;
}
