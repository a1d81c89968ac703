import { describe } from 'vitest';
import { answerKeySuite } from './library-b-key.js';

describe('scenario tumbler-bounce-log', () => answerKeySuite('tumbler-bounce-log'));
