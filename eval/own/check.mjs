// node eval/own/check.mjs [--list]: the own set's checks, as eval/tools/sets.mjs describes them (eval/tools/check-set.mjs).
import { main } from '../tools/check-set.mjs';
main('own');
