// Cleaning what a user typed, the one set of patterns every reader of user text shares (look-ups,
// echoed names, /ask questions): invisible characters, masked links, Discord mentions.

/**
 * Zero-width and bidi controls, soft hyphen, C0/C1 controls: invisible, able to disguise text and to
 * split the words a matcher needs whole. Whitespace controls (tab, newline) are not in the set: they
 * separate words, so callers fold them into spaces instead.
 */
export const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** "[Paris](https://evil.example)": a masked link, of which only the text is what the user wrote. */
export const MASKED_LINK = /\[([^\]]*)\]\(\s*<?[^)\s]*>?(?:\s+"[^"]*")?\s*\)/g;

/** Discord mention markup: <@123>, <@!123>, <@&456>, <#789>, a custom emoji <:name:1>. */
export const DISCORD_MENTION = /<(?:@[!&]?|#|a?:\w+:)\d+>/g;

/** The text without invisible characters, its masked links reduced to their text. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '').replace(MASKED_LINK, '$1');
}
