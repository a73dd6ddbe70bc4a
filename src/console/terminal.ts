// What the console reads from and writes to a terminal. A line typed or piped in, or a name in an
// answer, may carry control characters and bidi overrides that would move the cursor, rewrite the
// line or reorder what the terminal shows: they are written as visible code points instead. The
// console's own colour codes (SGR, "ESC[…m") pass.
const UNSAFE = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (found) =>
    found.length > 1 ? found : `<U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/**
 * The lines of a stream, split at "\n" (a "\r\n" ending counts as one): a bare "\r" is a character
 * of the line, as in the file, not a line break as readline would have it.
 */
export async function* inputLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  const line = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let end = pending.indexOf('\n');
    while (end >= 0) {
      yield line(pending.slice(0, end));
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending) yield line(pending);
}
