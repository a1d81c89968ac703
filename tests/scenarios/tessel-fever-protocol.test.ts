import { describe } from 'vitest';
import { libraryAKeySuite } from './library-a-key.js';

describe('scenario tessel-fever-protocol', () => libraryAKeySuite('tessel-fever-protocol'));
