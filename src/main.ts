/**
 * npm start: the Telegram bot when BOT_TOKEN is set, else the terminal chat on the same handlers.
 */
import { run } from './app.ts';

run();
