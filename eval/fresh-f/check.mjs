// node eval/fresh-f/check.mjs [--list]: the fresh-f set's checks, as eval/tools/sets.mjs describes them (eval/tools/check-set.mjs).
import { main } from '../tools/check-set.mjs';
main('fresh-f');
