/**
 * Discord's documented limits and formats for every payload notecast sends, each rule beside the
 * section it comes from (discord/discord-api-docs, developers/…, fetched at c98d64b). A rule returns
 * the problems it finds; an empty list means the payload is valid.
 */
import type {
  APIApplicationCommandOptionChoice,
  APIEmbed,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIGuildForumThreadsJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { Locale } from 'discord-api-types/v10';

const chars = (s: string | undefined) => (s ? [...s].length : 0);
const KNOWN_LOCALES = new Set<string>(Object.values(Locale));

/** resources/message.mdx, "Embed Limits" (inclusive; the 6000 total across all embeds). */
export function embedProblems(embeds: APIEmbed[]): string[] {
  const out: string[] = [];
  let total = 0;
  if (embeds.length > 10) out.push(`${embeds.length} embeds (max 10: resources/message.mdx, Create Message "embeds")`);
  embeds.forEach((e, i) => {
    const check = (what: string, v: string | undefined, max: number) => {
      if (chars(v) > max) out.push(`embeds.${i}.${what}: ${chars(v)} characters (max ${max})`);
      total += chars(v);
    };
    check('title', e.title, 256);
    check('description', e.description, 4096);
    check('footer.text', e.footer?.text, 2048);
    check('author.name', e.author?.name, 256);
    if ((e.fields?.length ?? 0) > 25) out.push(`embeds.${i}.fields: more than 25`);
    e.fields?.forEach((f, j) => {
      if (!f.name.trim() || !f.value.trim()) out.push(`embeds.${i}.fields.${j}: empty name or value (50035)`);
      check(`fields.${j}.name`, f.name, 256);
      check(`fields.${j}.value`, f.value, 1024);
    });
    // resources/message.mdx, Embed Structure: `url` is a URL; Discord accepts http(s) links.
    if (e.url && !/^https?:\/\/\S+$/.test(e.url)) out.push(`embeds.${i}.url is not an http(s) URL`);
    if (e.color !== undefined && (!Number.isInteger(e.color) || e.color < 0 || e.color > 0xffffff)) out.push(`embeds.${i}.color out of range`);
  });
  if (total > 6000) out.push(`embeds: ${total} characters in all (max 6000)`);
  return out;
}

/** resources/message.mdx, Create Message JSON params; message-content limits. */
export function messageProblems(body: RESTPostAPIChannelMessageJSONBody): string[] {
  const out = embedProblems(body.embeds ?? []);
  if (chars(body.content) > 2000) out.push(`content: ${chars(body.content)} characters (max 2000)`);
  if (!body.content && !(body.embeds && body.embeds.length)) out.push('empty message (one of content, embeds… is required)');
  // Allowed Mentions Object: an empty `parse` list means no @everyone, role or user ping.
  if (!body.allowed_mentions || (body.allowed_mentions.parse?.length ?? 0) > 0) out.push('allowed_mentions must be { parse: [] }');
  // `nonce`: up to 25 characters; `enforce_nonce` needs a nonce.
  if (body.nonce !== undefined && chars(String(body.nonce)) > 25) out.push(`nonce: ${chars(String(body.nonce))} characters (max 25)`);
  if (body.enforce_nonce && body.nonce === undefined) out.push('enforce_nonce without a nonce');
  return out;
}

/** resources/channel.mdx, Start Thread in Forum or Media Channel: name 1–100, applied_tags up to 5 (Modify Channel). */
export function forumPostProblems(body: RESTPostAPIGuildForumThreadsJSONBody): string[] {
  const out = messageProblems(body.message as RESTPostAPIChannelMessageJSONBody);
  if (chars(body.name) < 1 || chars(body.name) > 100) out.push(`name: ${chars(body.name)} characters (1–100)`);
  if ((body.applied_tags?.length ?? 0) > 5) out.push('applied_tags: more than 5');
  return out;
}

/** resources/webhook.mdx, Execute Webhook and Create Webhook's name rules (the same for `username`). */
export function webhookProblems(body: RESTPostAPIWebhookWithTokenJSONBody): string[] {
  const out = messageProblems(body);
  if (body.username !== undefined) {
    if (chars(body.username) < 1 || chars(body.username) > 80) out.push('username: 1–80 characters');
    if (/clyde|discord/i.test(body.username)) out.push('username contains "clyde" or "discord"');
  }
  if (body.thread_name !== undefined && (chars(body.thread_name) < 1 || chars(body.thread_name) > 100)) out.push('thread_name: 1–100 characters');
  return out;
}

/** interactions/application-commands.mdx: naming regex, 1–100 character descriptions, up to 25 options, locales. */
export function commandProblems(c: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  const out: string[] = [];
  const name = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
  if (!name.test(c.name) || c.name !== c.name.toLowerCase()) out.push(`name "${c.name}" breaks the naming rule`);
  if (chars(c.description) < 1 || chars(c.description) > 100) out.push(`${c.name}: description 1–100 characters`);
  for (const [loc, text] of Object.entries(c.description_localizations ?? {})) {
    if (!KNOWN_LOCALES.has(loc)) out.push(`${c.name}: "${loc}" is not a Discord locale (reference.mdx, Locales)`);
    if (!text || chars(text) > 100) out.push(`${c.name}: ${loc} description 1–100 characters`);
  }
  if ((c.options?.length ?? 0) > 25) out.push(`${c.name}: more than 25 options`);
  const seen = new Set<string>();
  let optional = false;
  for (const o of c.options ?? []) {
    if (!name.test(o.name) || o.name !== o.name.toLowerCase()) out.push(`${c.name}.${o.name}: breaks the naming rule`);
    if (chars(o.description) < 1 || chars(o.description) > 100) out.push(`${c.name}.${o.name}: description 1–100 characters`);
    if (seen.has(o.name)) out.push(`${c.name}.${o.name}: duplicate option`);
    seen.add(o.name);
    // "Required options must be listed before optional options."
    const required = 'required' in o && o.required === true;
    if (required && optional) out.push(`${c.name}.${o.name}: required after optional`);
    if (!required) optional = true;
  }
  return out;
}

/** interactions/receiving-and-responding.mdx, Autocomplete: up to 25 choices; application-commands.mdx, choice: name 1–100, string value up to 100. */
export function choicesProblems(choices: APIApplicationCommandOptionChoice<string>[]): string[] {
  const out: string[] = [];
  if (choices.length > 25) out.push(`${choices.length} choices (max 25)`);
  choices.forEach((c, i) => {
    if (chars(c.name) < 1 || chars(c.name) > 100) out.push(`choices.${i}.name: 1–100 characters`);
    if (chars(c.value) < 1 || chars(c.value) > 100) out.push(`choices.${i}.value: 1–100 characters`);
  });
  return out;
}
