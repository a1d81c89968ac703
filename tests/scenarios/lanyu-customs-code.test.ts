import { describe } from 'vitest';
import { libraryAKeySuite } from './library-a-key.js';

describe('scenario lanyu-customs-code', () => libraryAKeySuite('lanyu-customs-code', 'zh'));
