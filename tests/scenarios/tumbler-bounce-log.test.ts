import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario tumbler-bounce-log', () =>
  answerKeySuite('tumbler-bounce-log', [
    { task: 'contact-rule', answer: 'CASE 1: vy = +24, vx = 4\nCASE 2: vy = 0, vx = 1 (resting)', pass: true, why: 'spaces, sign, commas' },
    { task: 'contact-rule', answer: 'CASE 1: vy=-24 vx=4\nCASE 2: vy=0 vx=1', pass: false, why: 'a downward velocity after a bounce' },
    {
      task: 'next-ticks',
      answer: '(21, 147, 42, 7, -18)\n(22, 154, 22, 7, -20)\n(23, 161, 0, 6, 16)\n(24, 167, 14, 6, 14)\n(25, 173, 26, 6, 12)\n(26, 179, 36, 6, 10)',
      pass: true,
      why: 'tuples',
    },
    {
      task: 'next-ticks',
      answer: 't=21 x=147 y=42 vx=7 vy=-18\nt=22 x=154 y=22 vx=7 vy=-20\nt=23 x=161 y=0 vx=6 vy=16\nt=24 x=167 y=14 vx=6 vy=14\nt=25 x=173 y=26 vx=6 vy=12\nt=26 x=179 y=36 vx=6 vy=10',
      pass: true,
      why: 'labelled fields',
    },
    {
      task: 'next-ticks',
      answer: '21 147 42 7 -18\n22 154 22 7 -20\n23 161 0 6 16\n24 167 16 6 16\n25 173 30 6 14\n26 179 42 6 12',
      pass: false,
      why: 'moves before applying gravity after the bounce',
    },
    { task: 'coming-to-rest', answer: 'CONTACTS: 3\nRESTING FROM: t=45\nASLEEP: t = 49, x = 292', pass: true, why: 'spacing' },
    { task: 'high-throw', answer: 'APEX: 210\nCONTACTS: 4\nASLEEP: tick 73 at x=560', pass: true, why: 'tick wording' },
    { task: 'contact-rule', answer: 'CASE 1: vy = 24; vx = 4\nCASE 2: vy = 0; vx = 1', pass: true, why: 'semicolons between the velocities' },
    {
      task: 'next-ticks',
      answer: 't=21, x=147, y=42, vx=7, vy=−18\nt=22, x=154, y=22, vx=7, vy=−20\nt=23, x=161, y=0, vx=6, vy=+16\nt=24, x=167, y=14, vx=6, vy=+14\nt=25, x=173, y=26, vx=6, vy=+12\nt=26, x=179, y=36, vx=6, vy=+10',
      pass: true,
      why: 'Unicode minus signs and explicit plus signs',
    },
    {
      task: 'next-ticks',
      answer: 't: 21, x: 147, y: 42, vx: 7, vy: -18\nt: 23, x: 161, y: 0, vx: 6, vy: 16\nt: 24, x: 167, y: 14, vx: 6, vy: 14\nt: 26, x: 179, y: 36, vx: 6, vy: 10',
      pass: true,
      why: 'fields labelled with colons',
    },
    { task: 'coming-to-rest', answer: 'CONTACTS: 3\nRESTING FROM: tick 45\nASLEEP: t=49 x=292', pass: true, why: '"tick 45"' },
    {
      task: 'high-throw',
      answer: 'The apex is 210, not the textbook v^2/2g = 225.\nAPEX: 210\nCONTACTS: 4\nASLEEP: t=73 x=560',
      pass: true,
      why: 'names the textbook value only to reject it',
    },
    { task: 'high-throw', answer: 'Apex 225 by v^2/2g.\nAPEX: 210\nCONTACTS: 4\nASLEEP: t=73 x=560', pass: false, why: 'states the textbook apex as its own' },
  ]));
