import { describe } from 'vitest';
import { answerKeySuite } from './library-b-key.js';

describe('scenario embercap-afterglow', () => answerKeySuite('embercap-afterglow'));
