/**
 * Every payload notecast can produce, checked against the platforms' documented limits and formats
 * (rules and their documentation sections in ./discord-rules.ts and ./telegram-rules.ts): posts,
 * edits, forum posts, webhook calls, digests, command registration, autocomplete and inline
 * answers, for every note of the corpus and for hostile extremes.
 */
import { describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../src/adapters/discord/adapter.js';
import { discordCommandPayloads } from '../../src/adapters/discord/commands.js';
import { appliedTagsFor, bodyOf, channelPostBody, forumPostBody, webhookPostBody } from '../../src/adapters/discord/bodies.js';
import type { OutgoingMessage } from '../../src/publish/port.js';
import { inlineArticle, renderTelegramReply, telegramCommandLists } from '../../src/adapters/telegram/render.js';
import { STALE_COMMAND_TEXT } from '../../src/adapters/telegram/updates.js';
import { COMMAND_FAILED_TEXT, NOT_ADMIN_TEXT, type CommandReply } from '../../src/commands/index.js';
import { SLOW_DOWN_TEXT } from '../../src/commands/limit.js';
import { EXPIRED_TEXT } from '../../src/commands/lookup.js';
import { renderTelegramDigest } from '../../src/render/digest.js';
import { renderTelegramMessage } from '../../src/render/telegram.js';
import type { DigestItem } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { corpusSummaries as readCorpus } from '../helpers/corpus-summaries.js';
import { Templates } from '../../src/render/templates/compile.js';
import { telegramPayloadFor } from '../../src/render/templates/payloads.js';

/** The default templates, as a chat without templates of its own gets them. */
const TPL = Templates.defaults().global;
import { choicesProblems, commandProblems, forumPostProblems, messageProblems, webhookProblems } from './discord-rules.js';
import { commandListProblems, inlineAnswerProblems, keyboardProblems, previewProblems, textProblems } from './telegram-rules.js';

async function corpusSummaries(): Promise<{ id: string; summary: Summary }[]> {
  return (await readCorpus()).map(({ note, summary }) => ({ id: note.id, summary }));
}

/** A summary at every limit at once: long title, many points, links and tags, markup and mentions. */
function extreme(): Summary {
  const long = '@everyone <b>*_`~|'.repeat(40) + 'ü'.repeat(300);
  return {
    title: long,
    url: 'https://example.org/a-very/long/path?q=' + 'x'.repeat(500),
    lang: 'en',
    locale: 'en',
    tags: Array.from({ length: 80 }, (_, i) => `tag-${i}-${'y'.repeat(30)}`),
    date: '2025-01-01T00:00:00.000Z',
    readingMinutes: 99,
    keyPoints: Array.from({ length: 10 }, () => [{ kind: 'text' as const, text: long.slice(0, 200) }]),
    links: Array.from({ length: 10 }, (_, i) => ({ text: `link ${i} ${long.slice(0, 120)}`, url: `https://example.org/${i}/${'z'.repeat(300)}` })),
  } as unknown as Summary;
}

/** A family's "also in" line at its widest: 30 languages with long URLs. */
const ALSO_IN = Array.from({ length: 30 }, (_, i) => ({ label: `Language ${i} ${'ü'.repeat(20)}`, url: `https://example.org/${i}/${'w'.repeat(200)}` }));

const digestOf = (all: { id: string; summary: Summary }[]): DigestItem[] => all.map((s) => ({ noteId: s.id, title: s.summary.title, url: s.summary.url }));

describe('Discord payloads', () => {
  it('every corpus note and the extreme case: post, edit, forum post (with tags), webhook post into a channel and a forum', async () => {
    const all = [...(await corpusSummaries()), { id: 'extreme', summary: extreme() }];
    const forum = { type: 15, flags: 16, availableTags: Array.from({ length: 20 }, (_, i) => ({ id: String(9000 + i), name: `tag-${i}-${'y'.repeat(30)}` })) };
    const problems: string[] = [];
    for (const { id, summary } of all) {
      const m: OutgoingMessage = { type: 'summary', summary };
      const at = (list: string[]) => list.map((p) => `${id}: ${p}`);
      problems.push(...at(messageProblems(channelPostBody(m, 'ab12cd34ef56ab12cd34ef56', TPL))));
      problems.push(...at(messageProblems(bodyOf(m, TPL))));
      problems.push(...at(messageProblems(bodyOf({ ...m, alsoIn: ALSO_IN }, TPL))).map((p) => `also in: ${p}`));
      problems.push(...at(forumPostProblems(forumPostBody(m, appliedTagsFor(forum, m, ['Announcements']), TPL))));
      problems.push(...at(webhookProblems(webhookPostBody({ username: 'Release notes', avatarUrl: 'https://example.org/a.png' }, m, false, TPL))));
      problems.push(...at(webhookProblems(webhookPostBody({}, m, true, TPL))));
    }
    expect(problems).toEqual([]);
  });

  it('digests of one note and of every corpus note', async () => {
    const items = digestOf(await corpusSummaries());
    for (const list of [items.slice(0, 1), items, [...items, ...items, ...items]]) {
      const m: OutgoingMessage = { type: 'digest', items: list };
      expect(messageProblems(channelPostBody(m, 'n', TPL))).toEqual([]);
      expect(forumPostProblems(forumPostBody(m, [], TPL))).toEqual([]);
    }
  });

  it('command registration', () => {
    const payloads = discordCommandPayloads();
    expect(payloads.length).toBeGreaterThan(0);
    expect(payloads.flatMap(commandProblems)).toEqual([]);
  });

  it('autocomplete answers, long ids and titles included', async () => {
    const all = await corpusSummaries();
    const results = [...all.map((s) => ({ id: s.id, title: s.summary.title })), { id: 'x/'.repeat(80), title: 'ü'.repeat(300) }, { id: 'empty-title', title: '' }];
    const remembered = new Map<string, string>();
    const choices = autocompleteChoices(results, (k, id) => remembered.set(k, id));
    expect(choicesProblems(choices)).toEqual([]);
    expect(choicesProblems(autocompleteChoices(results.slice(-2), () => undefined))).toEqual([]);
  });
});

describe('Telegram payloads', () => {
  it('every corpus note and the extreme case as a message, an inline result and a lookup reply with buttons', async () => {
    const all = [...(await corpusSummaries()), { id: 'extreme', summary: extreme() }];
    const problems: string[] = [];
    for (const { id, summary } of all) {
      const msg = renderTelegramMessage(summary);
      problems.push(...[...textProblems(msg.text, msg.parse_mode), ...previewProblems(msg.link_preview_options)].map((p) => `${id}: ${p}`));
      const family = renderTelegramMessage(summary, ALSO_IN);
      problems.push(...textProblems(family.text, family.parse_mode).map((p) => `${id} also in: ${p}`));
      // What the outbox sends: the message through the (default) templates.
      for (const sent of [telegramPayloadFor({ summary }, TPL), telegramPayloadFor({ summary, alsoIn: ALSO_IN }, TPL)]) {
        problems.push(...[...textProblems(sent.text, sent.parse_mode), ...previewProblems(sent.link_preview_options)].map((p) => `${id} template: ${p}`));
      }
      const reply = renderTelegramReply({ type: 'note', noteId: id, summary, more: all.slice(0, 5).map((s) => ({ id: s.id, title: s.summary.title, lang: 'en', url: s.summary.url, score: 1, members: [s.id] })) });
      problems.push(...[...textProblems(reply.text, reply.parse_mode), ...keyboardProblems(reply.reply_markup)].map((p) => `${id} reply: ${p}`));
    }
    const articles = all.slice(0, 50).map((s, i) => inlineArticle(`k${i}`, { title: s.summary.title, url: s.summary.url }, s.summary));
    problems.push(...inlineAnswerProblems(articles));
    expect(problems).toEqual([]);
  });

  it('every command reply kind: text, note, list (/latest at its widest), and every fixed text a chat can get', async () => {
    const all = await corpusSummaries();
    const long = extreme().title;
    const result = (id: string, title: string, url?: string) => ({ id, title, lang: 'en', ...(url ? { url } : {}), score: 1, members: [id] });
    const replies: [string, CommandReply][] = [
      ...[COMMAND_FAILED_TEXT, NOT_ADMIN_TEXT, SLOW_DOWN_TEXT, EXPIRED_TEXT, STALE_COMMAND_TEXT].map((text): [string, CommandReply] => [text.slice(0, 20), { type: 'text', text }]),
      ['a huge text', { type: 'text', text: long.repeat(40) }],
      ['three long titles', { type: 'list', heading: 'Latest notes', items: [1, 2, 3].map((i) => result(`n${i}`, long.repeat(4), `https://example.org/${i}`)) }],
      ['ten extreme titles', { type: 'list', heading: `Latest notes (${'x'.repeat(16)})`, items: Array.from({ length: 10 }, (_, i) => result(`n${i}`, `${'𝕏'.repeat(1500)}&<>`, i % 2 ? undefined : `https://example.org/${'z'.repeat(500)}`)) }],
      ['every corpus title', { type: 'list', heading: 'Latest notes', items: all.map((s) => result(s.id, s.summary.title, s.summary.url)) }],
      ['an empty title', { type: 'list', heading: 'Latest notes', items: [result('e', '')] }],
      ['the extreme note', { type: 'note', noteId: 'x', summary: extreme(), more: [result('a', long)] }],
    ];
    const problems = replies.flatMap(([what, reply]) => {
      const r = renderTelegramReply(reply);
      return [...textProblems(r.text, r.parse_mode), ...keyboardProblems(r.reply_markup)].map((p) => `${what}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('digests of one note and of every corpus note', async () => {
    const items = digestOf(await corpusSummaries());
    for (const list of [items.slice(0, 1), items, [...items, ...items, ...items]]) {
      const d = renderTelegramDigest(list);
      expect(textProblems(d.text, d.parse_mode)).toEqual([]);
    }
  });

  it('command lists for setMyCommands, in every language', () => {
    const lists = telegramCommandLists();
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.flatMap((l) => commandListProblems(l.commands, l.language_code))).toEqual([]);
  });
});

describe('the rules themselves', () => {
  // A rule that cannot fail proves nothing: each is shown to catch what it is for.
  it('catch what they are for', () => {
    expect(messageProblems({ embeds: [{ title: 'x'.repeat(257) }], allowed_mentions: { parse: [] } })).toHaveLength(1);
    expect(messageProblems({ content: 'hi' })).toEqual(['allowed_mentions must be { parse: [] }']);
    expect(messageProblems({ content: 'x', allowed_mentions: { parse: [] }, nonce: 'x'.repeat(26) })).toHaveLength(1);
    expect(forumPostProblems({ name: '', message: { content: 'x', allowed_mentions: { parse: [] } }, applied_tags: ['1', '2', '3', '4', '5', '6'] })).toHaveLength(2);
    expect(webhookProblems({ content: 'x', allowed_mentions: { parse: [] }, username: 'Discord news' })).toHaveLength(1);
    expect(commandProblems({ name: 'Note', description: '' })).toHaveLength(2);
    expect(choicesProblems([{ name: '', value: 'v' }])).toHaveLength(1);
    expect(textProblems('<b>open', 'HTML')).toHaveLength(1);
    expect(textProblems('x'.repeat(4097), undefined)).toHaveLength(1);
    expect(commandListProblems([{ command: 'Help', description: 'h' }], 'zh-hans')).toHaveLength(2);
    expect(keyboardProblems({ inline_keyboard: [[{ text: 'a', callback_data: 'x'.repeat(65) }]] })).toHaveLength(1);
  });
});
