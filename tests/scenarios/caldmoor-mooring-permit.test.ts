import { describe } from 'vitest';
import { answerKeySuite } from './library-b-key.js';

describe('scenario caldmoor-mooring-permit', () => answerKeySuite('caldmoor-mooring-permit'));
