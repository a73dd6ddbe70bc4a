// A test's fake Discord and the bot under test, stopped after each test whether it passed or not, so
// a failed assertion never leaves a server listening or a bot running into the next test.
import { afterEach } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './server.js';

export interface PerTest<Bot> {
  startDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord>;
  /** Hands `bot` back, to be stopped after the test. */
  bot<B extends Bot>(bot: B): B;
}

/** Registers the afterEach that stops what each test started; `stopBot` says how to stop a bot. */
export function stopAfterEachTest<Bot>(stopBot: (bot: Bot) => unknown): PerTest<Bot> {
  let discord: FakeDiscord | undefined;
  let bot: Bot | undefined;
  afterEach(async () => {
    const started = { discord, bot };
    discord = undefined;
    bot = undefined;
    if (started.bot !== undefined) await stopBot(started.bot);
    await started.discord?.close();
  });
  return {
    async startDiscord(options) {
      return (discord = await startFakeDiscord(options));
    },
    bot(started) {
      bot = started;
      return started;
    },
  };
}
