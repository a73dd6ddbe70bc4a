// /ask's question reader and answer views, loaded by the first question rather than at start: their
// lexicons, patterns and ICU display names cost tens of milliseconds and a few MB that a bot on its
// way to ready does not need. The warm-up (images.ts) loads them, and builds the passage index, a
// moment after ready.
export type AskModule = typeof import('../domain/ask/index.js') & typeof import('../views/ask.js');

let loading: Promise<AskModule> | undefined;

export function loadAsk(): Promise<AskModule> {
  loading ??= Promise.all([import('../domain/ask/index.js'), import('../views/ask.js')]).then(([domain, views]) => ({
    ...domain,
    ...views,
  }));
  return loading;
}
