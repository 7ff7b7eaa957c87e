/**
 * npm start: the Telegram bot when BOT_TOKEN is set, else the terminal chat on the same handlers.
 */
import { run } from './cli/main-runner.ts';

run();
