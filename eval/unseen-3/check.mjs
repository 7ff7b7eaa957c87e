// node eval/unseen-3/check.mjs [--list]: the unseen-3 set's checks, as eval/tools/sets.mjs describes them (eval/tools/check-set.mjs).
import { main } from '../tools/check-set.mjs';
main('unseen-3');
