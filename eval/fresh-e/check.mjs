// node eval/fresh-e/check.mjs [--list]: the fresh-e set's checks, as eval/tools/sets.mjs describes them (eval/tools/check-set.mjs).
import { main } from '../tools/check-set.mjs';
main('fresh-e');
