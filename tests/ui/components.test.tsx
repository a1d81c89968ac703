import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { VerdictList } from '../../src/ui/components/VerdictList.js';
import { KeyHints } from '../../src/ui/components/KeyHints.js';
import { HelpOverlay } from '../../src/ui/components/HelpOverlay.js';
import { ProgressBar, progressCells } from '../../src/ui/components/ProgressBar.js';
import { Confirm } from '../../src/ui/components/Confirm.js';
import { makeTheme } from '../../src/ui/theme.js';
import { press, waitForFrame } from './ink-helpers.js';

afterEach(() => cleanup());

describe('VerdictList', () => {
  it('shows symbol, item, by and reason for each status', async () => {
    const { lastFrame } = render(
      <VerdictList
        width={80}
        items={[
          { text: 'Answer is 42', verdict: { status: 'pass', by: 'check', reason: 'found 42' } },
          { text: 'Cites rule 3', verdict: { status: 'fail', by: 'judge:gpt', reason: 'no citation' } },
          { text: 'Polite tone', verdict: { status: 'pending', reason: 'needs a judge' } },
          { text: 'Format', verdict: { status: 'unscored', by: 'judge:x', reason: 'unusable reply' }, weight: 2 },
        ]}
      />,
    );
    const f = await waitForFrame(lastFrame, (x) => x.includes('Format'));
    expect(f).toContain('✓ Answer is 42');
    expect(f).toContain('pass · check · found 42');
    expect(f).toContain('✗ Cites rule 3');
    expect(f).toContain('… Polite tone');
    expect(f).toContain('? Format (weight 2)');
  });

  it('sanitizes item texts and reasons from a model', async () => {
    const { lastFrame } = render(
      <VerdictList width={80} items={[{ text: 'x\x1b]0;title\x07', verdict: { status: 'fail', by: 'judge:m', reason: 'evil \x1b[2J' } }]} />,
    );
    const f = await waitForFrame(lastFrame, (x) => x.includes('evil'));
    expect(f).toContain('x␛]0;title␇');
    expect(f).toContain('evil ␛[2J');
    expect(f).not.toContain('\x07');
  });
});

describe('small components', () => {
  it('KeyHints fits the width', async () => {
    const { lastFrame } = render(<KeyHints contexts={['reader', 'play', 'global']} width={40} />);
    const f = await waitForFrame(lastFrame, (x) => x.length > 0);
    expect(f).toContain('scroll');
    expect(f.length).toBeLessThanOrEqual(40);
  });

  it('HelpOverlay lists keys and closes on Esc', async () => {
    let closed = false;
    const { lastFrame, stdin } = render(<HelpOverlay contexts={['reader', 'editor', 'global']} width={80} height={12} onClose={() => (closed = true)} />);
    const f = await waitForFrame(lastFrame, (x) => x.includes('Keys'));
    expect(f.split('\n').length).toBeLessThanOrEqual(12);
    expect(f).toContain('Context reader');
    await press(stdin, '\x1b[B');
    expect(closed).toBe(false);
    await press(stdin, '\x1b');
    expect(closed).toBe(true);
  });

  it('ProgressBar', async () => {
    expect(progressCells(0.5, 10)).toEqual({ done: 5, rest: 5 });
    expect(progressCells(NaN, 4)).toEqual({ done: 0, rest: 4 });
    const { lastFrame } = render(<ProgressBar value={0.25} width={8} label="1/4" />);
    expect(await waitForFrame(lastFrame, (x) => x.includes('1/4'))).toBe('██░░░░░░ 1/4');
  });

  it('Confirm: y confirms, n cancels', async () => {
    const got: string[] = [];
    const { lastFrame, stdin } = render(<Confirm message="Submit an empty answer?" onConfirm={() => got.push('y')} onCancel={() => got.push('n')} />);
    await waitForFrame(lastFrame, (x) => x.includes('empty'));
    await press(stdin, 'x', 'n', 'y');
    expect(got).toEqual(['n', 'y']);
  });

  it('theme honours NO_COLOR', () => {
    const off = makeTheme({ NO_COLOR: '1' });
    expect(off.noColor).toBe(true);
    expect(off.status.pass).toBeUndefined();
    expect(off.accent).toBeUndefined();
    const on = makeTheme({});
    expect(on.status.fail).toBe('red');
  });
});
