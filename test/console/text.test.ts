import { describe, expect, it } from 'vitest';
import { controlsOf, displayWidth, markdownToText, renderText } from '../../src/render/text.js';
import type { Reply } from '../../src/reply/reply.js';

const cityCard: Reply = {
  content: 'Found **Duisburg**.',
  cards: [
    {
      title: 'Duisburg · 杜伊斯堡',
      url: 'https://example.org/duisburg',
      description: 'A port city on the Rhine. See [the city site](https://www.duisburg.de).',
      fields: [
        { name: 'Country', value: 'Germany', inline: true },
        { name: 'Since', value: '8 October 1982', inline: true },
        { name: 'Sources', value: '[RP Online](https://rp-online.de/x)\n[Wuhan gov](https://wuhan.gov.cn/y)' },
      ],
      footer: 'Friendship city',
      color: 0x112233,
    },
  ],
};

describe('renderText', () => {
  it('draws content and a card as a titled block, fields aligned, links as "label <url>"', () => {
    expect(renderText(cityCard)).toBe(
      [
        'Found Duisburg.',
        '',
        '│ Duisburg · 杜伊斯堡',
        '│ https://example.org/duisburg',
        '│ A port city on the Rhine. See the city site <https://www.duisburg.de>.',
        '│',
        '│ Country: Germany',
        '│ Since:   8 October 1982',
        '│ Sources:',
        '│   RP Online <https://rp-online.de/x>',
        '│   Wuhan gov <https://wuhan.gov.cn/y>',
        '│',
        '│ Friendship city',
      ].join('\n'),
    );
  });

  it('numbers buttons and select options, marks disabled buttons and shows links', () => {
    const reply: Reply = {
      content: 'Page 1',
      actions: [
        [
          { type: 'button', customId: 'p:0', label: 'Previous', emoji: '◀', disabled: true },
          { type: 'button', customId: 'p:2', label: 'Next ▶' },
          { type: 'link', url: 'https://example.org', label: 'Source' },
        ],
        [
          {
            type: 'select',
            customId: 'p:jump',
            placeholder: 'Jump to',
            options: [
              { label: 'First', value: '1' },
              { label: 'Last', value: '9' },
            ],
          },
        ],
      ],
    };
    expect(renderText(reply)).toBe(
      [
        'Page 1',
        '',
        '[1] ◀ Previous (disabled)  [2] Next ▶  Source <https://example.org>',
        'Jump to:',
        '  [3] First',
        '  [4] Last',
      ].join('\n'),
    );
    expect(controlsOf(reply)).toEqual([
      { number: 1, kind: 'button', customId: 'p:0', label: '◀ Previous', disabled: true },
      { number: 2, kind: 'button', customId: 'p:2', label: 'Next ▶', disabled: false },
      { kind: 'link', label: 'Source', url: 'https://example.org' },
      { number: 3, kind: 'option', customId: 'p:jump', label: 'First', value: '1', placeholder: 'Jump to' },
      { number: 4, kind: 'option', customId: 'p:jump', label: 'Last', value: '9', placeholder: 'Jump to' },
    ]);
  });

  it('says when only the asker sees a reply, in their language', () => {
    expect(renderText({ content: '太好了', ephemeral: true }, { locale: 'zh-CN' })).toBe('太好了\n\n（仅你可见）');
    expect(renderText({ content: 'Right!', ephemeral: true })).toBe('Right!\n\n(only you can see this)');
  });

  it('uses no ANSI codes without colour, and colours the card with it', () => {
    expect(renderText(cityCard)).not.toMatch(/\x1b/);
    const coloured = renderText(cityCard, { color: true });
    expect(coloured).toContain('\x1b[38;2;17;34;51m│\x1b[39m');
    expect(coloured).toContain('\x1b[1mDuisburg\x1b[22m');
  });

  it('shows what Discord would: empty fields dropped, over-long text cut', () => {
    const text = renderText({ cards: [{ title: 'x'.repeat(300), fields: [{ name: 'Empty', value: ' ' }] }] });
    expect(text).toBe(`│ ${'x'.repeat(255)}…`);
  });

  it('wraps to the terminal width, keeping the card bar on every line', () => {
    const text = renderText({ cards: [{ description: 'word '.repeat(30).trim() }] }, { width: 40 });
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line.startsWith('│ ')).toBe(true);
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
    }
  });

  it('an empty reply is empty text', () => {
    expect(renderText({})).toBe('');
  });
});

describe('markdownToText', () => {
  it('turns Discord markdown into plain text', () => {
    expect(markdownToText('**bold** and *it* and ~~old~~ and __under__')).toBe('bold and it and old and under');
    expect(markdownToText('# Heading\n-# small print')).toBe('Heading\nsmall print');
    expect(markdownToText('[https://a.org](https://a.org)')).toBe('<https://a.org>');
    expect(markdownToText('[site](<https://a.org/x_y>)')).toBe('site <https://a.org/x_y>');
    expect(markdownToText('<t:0:D> by <@42>')).toBe('1970-01-01 00:00 UTC by @42');
  });

  it('keeps escapes, snake_case, lone stars and code as written', () => {
    expect(markdownToText('2 \\* 3 = 6, a_b_c, 5 * 4')).toBe('2 * 3 = 6, a_b_c, 5 * 4');
    expect(markdownToText('_Signed in Wuhan by the mayors._ Then *more*.')).toBe(
      'Signed in Wuhan by the mayors. Then more.',
    );
    expect(markdownToText('see https://a.org/_x_/*y* and [z](https://b.org/_q_)')).toBe(
      'see https://a.org/_x_/*y* and z <https://b.org/_q_>',
    );
    expect(markdownToText('`**not bold**`')).toBe('`**not bold**`');
  });
});

describe('displayWidth', () => {
  it('counts CJK as two columns and ignores ANSI codes', () => {
    expect(displayWidth('大分')).toBe(4);
    expect(displayWidth('\x1b[1mab\x1b[22m')).toBe(2);
  });
});
