/**
 * Run before each file of the unit project, whose files share worker processes: every file starts
 * from the state a fresh process has, whatever the file before it left.
 */
import { useDefaultDictionary } from '../../src/text/segment.ts';

// jieba's dictionaries are one per process: a file that opened an index left its domain words
// loaded. The next cut loads the default ones again (only when they are not in place).
useDefaultDictionary();
