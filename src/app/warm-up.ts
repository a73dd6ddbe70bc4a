// What a front end starts once it is connected (or listening): loading and building what start-up
// left out so the bot is ready sooner and smaller, before users ask for it. First /ask's modules and
// passage index (tens of milliseconds), then the images asked for most (see warmImageCache).
import type { Dataset } from '../data/types.js';
import { describeError, type Logger } from '../log.js';
import { loadAsk } from './ask.js';
import { warmImageCache } from './images.js';

/** How long after start the warm-up waits: the first interactions after a restart come before its slowest renders. */
export const WARM_UP_DELAY_MS = 3000;

/**
 * Builds /ask's passage index and loads its Traditional-to-Simplified table (loading its modules); the
 * first question then finds both ready.
 */
export async function warmAsk(data: Dataset): Promise<void> {
  const ask = await loadAsk();
  ask.passageIndex(data);
  ask.simplified('武漢');
}

/** Starts the warm-up a moment from now, logging the outcome; `signal` (shutdown) cancels it. */
export function startWarmUp(data: Dataset, signal: AbortSignal, log: Logger, delayMs = WARM_UP_DELAY_MS): void {
  const timer = setTimeout(() => {
    warmAsk(data)
      .then(() => (signal.aborted ? 0 : warmImageCache(data, signal)))
      .then(
        (images) => log.debug('image cache warmed', { images }),
        (error: unknown) => log.warn('warm-up failed', { error: describeError(error) }),
      );
  }, delayMs);
  timer.unref();
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
