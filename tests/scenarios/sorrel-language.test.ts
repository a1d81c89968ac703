import { describe } from 'vitest';
import { libraryAKeySuite } from './library-a-key.js';

describe('scenario sorrel-language', () => libraryAKeySuite('sorrel-language'));
