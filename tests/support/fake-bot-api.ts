/** The loopback Bot API stand-in lives in src/telegram (the benchmark uses it too); tests may import it from here. */
export {
  LOOPBACK_BOT_INFO as FAKE_BOT_INFO,
  LoopbackBotApi as FakeBotApi,
  type Fault,
  type RecordedCall,
} from '../../src/telegram/loopback-api.ts';
