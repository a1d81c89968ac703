import { describe } from 'vitest';
import { libraryAKeySuite } from './library-a-key.js';

describe('scenario tidewater-rulebook', () => libraryAKeySuite('tidewater-rulebook'));
