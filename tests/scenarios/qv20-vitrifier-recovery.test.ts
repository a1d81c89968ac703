import { describe } from 'vitest';
import { answerKeySuite } from './library-b-key.js';

describe('scenario qv20-vitrifier-recovery', () => answerKeySuite('qv20-vitrifier-recovery'));
