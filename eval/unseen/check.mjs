// node eval/unseen/check.mjs [--list]: the unseen set's checks, as eval/tools/sets.mjs describes them (eval/tools/check-set.mjs).
import { main } from '../tools/check-set.mjs';
main('unseen');
