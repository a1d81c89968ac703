import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario tidewater-rulebook', () =>
  answerKeySuite('tidewater-rulebook', [
    {
      task: 'opening',
      answer: 'Final: `S: 0-0-1-6-6-6 / 1  N: 0-5-5-5-1-5 / 7  S`',
      pass: true,
      why: 'spaced harbour notation in a code span',
    },
    {
      task: 'opening',
      answer: 'S:0-0-1-6-6-6/1 N:0-5-5-5-1-5/7, South to move.',
      pass: true,
      why: 'the mover written out after a comma',
    },
    {
      task: 'opening',
      answer: 'S:0–0–1–6–6–6/1 N:0–5–5–5–1–5/7 S',
      pass: true,
      why: 'typographic en dashes between the pit counts',
    },
    {
      task: 'opening',
      answer: 'S:0-0-1-6-6-6/1 N:0-5-5-5-1-5/7 N',
      pass: false,
      why: 'the right pits with the wrong player to move',
    },
    {
      task: 'long-turn',
      answer: 'All three moves are made; the third cannot earn an ebb move. S:0-0-0-0-1-2/11 N:4-5-3-4-3-5/10, North to move.',
      pass: true,
      why: 'the mover written out',
    },
    {
      task: 'long-turn',
      answer: 'S:0-0-0-0-1-2/11 N:4-5-3-4-3-5/10, South to move again.',
      pass: false,
      why: 'misses the three-move limit, mover written out',
    },
    {
      task: 'stranded',
      answer: 'S:0-0-0-0-0-0/36 N:0-0-0-0-0-0/12 over. The winner is South, 36 to 12.',
      pass: true,
      why: '"The winner is South"',
    },
    {
      task: 'stranded',
      answer: 'S:0-0-0-0-0-0/36 N:0-0-0-0-0-0/12 over\nHarbours: South 36, North 12. Winner: South.',
      pass: true,
      why: '"Winner: South"',
    },
    {
      task: 'stranded',
      answer: 'S:0-0-0-0-0-0/36 N:0-0-0-0-0-0/12 over. South wins 36-12 (not 13-35 as in Kalah, where North would keep its row).',
      pass: true,
      why: 'names the Kalah result 35 only to reject it',
    },
    {
      task: 'stranded',
      answer: 'S:0-0-0-0-0-0/36 N:0-0-0-0-0-0/12 over. South has 36? No, North wins.',
      pass: false,
      why: 'names the wrong winner after mentioning South',
    },
  ]));
