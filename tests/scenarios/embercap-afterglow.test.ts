import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario embercap-afterglow', () =>
  answerKeySuite('embercap-afterglow', [
    {
      task: 'decay-law',
      answer: 'The halving time doubles.\nHALF: 2 h\nQUARTER: 6 h\nEIGHTH: 14 h\nLAW: G(t) = 480 / (1 + t/2)',
      pass: true,
      why: 'equivalent form of the law, units after the numbers',
    },
    {
      task: 'decay-law',
      answer: 'HALF: t = 2\nQUARTER: t = 6\nEIGHTH: t = 14.0\nLAW: G = 480*2/(t+2).',
      pass: true,
      why: 'another equivalent form and t = labels',
    },
    {
      task: 'decay-law',
      answer: 'G = 960/(t+2).\nHALF: 2\nQUARTER: 6\nEIGHTH: 140',
      pass: false,
      why: 'a typo that must not pass as 14',
    },
    { task: 'long-range', answer: '960/80.\nGLOW AT 78 H: 12.0 gu', pass: true, why: 'one decimal' },
    { task: 'long-range', answer: 'GLOW AT 78 H: 120 gu', pass: false, why: 'off by a factor of ten' },
    { task: 'charge-law', answer: 'h = c/5.\nAT 0 H: 480.0 gu\nAT 9 H: ~240 gu', pass: true, why: 'decimals and a tilde' },
    { task: 'charge-law', answer: 'AT 0 H: 4800 gu\nAT 9 H: 2400 gu', pass: false, why: 'series C read in dgu as if gu' },
    { task: 'marker-charge', answer: 'h >= 5.14 h -> 25.7 -> 26 minutes; 480*5.2/41.2 = 60.58 gu.\nCHARGE: 26 minutes', pass: true, why: 'two decimals' },
    {
      task: 'decay-law',
      answer: 'No half-life: the halvings take 2, 4 and 8 h.\nHALF: at t = 2 h\nQUARTER: at t = 6 h\nEIGHTH: at t = 14 h\nLAW: G(t) = 480/(1 + 0.5t)',
      pass: true,
      why: '0.5t in the law and "at t = 2 h" lines',
    },
    { task: 'decay-law', answer: 'HALF: 2 h\nQUARTER: 6 h\nEIGHTH: 14 h\nLAW: G(t) = 480/(1 + t/τ) with τ = 2 h', pass: true, why: 'law with a named time constant' },
    { task: 'decay-law', answer: 'HALF: 2 h\nQUARTER: 6 h\nEIGHTH: 14 h\nLAW: G(t) = 480/(1 + t/τ) with τ = 4 h', pass: false, why: 'a named time constant with the wrong value' },
    {
      task: 'long-range',
      answer: 'G = 960/(t + 2): 960/80 = 12 gu. The working assumption of a fixed 2-hour half-life would give 480 x 2^-39 = 8.7e-10 gu, which the data rule out.\nGLOW AT 78 H: 12 gu',
      pass: true,
      why: 'rejects the exponential prediction and quotes its tiny value',
    },
    { task: 'long-range', answer: '480 x 2^-39.\nGLOW AT 78 H: 8.7e-10 gu', pass: false, why: 'fixed half-life' },
    {
      task: 'marker-charge',
      answer: 'h >= 36/7 = 5.14 h, so c >= 25.7 min: 26 min, leaving about 61 gu at 36 h (25 min would leave 58.5 gu).\nCHARGE: 26 min',
      pass: true,
      why: 'end reading rounded to whole gu',
    },
    { task: 'marker-charge', answer: 'c >= 25.7, so 25 min, which leaves about 60 gu.\nCHARGE: 25 min', pass: false, why: 'rounded down' },
  ]));
