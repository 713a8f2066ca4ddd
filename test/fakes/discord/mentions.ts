/**
 * Who a message notifies, as Discord decides it (docs: resources/message.mdx, Allowed Mentions
 * Object): mentions are parsed from the message **content** only (embeds never notify), filtered by
 * `allowed_mentions`, whose default is every type for a bot's message and only users for webhooks
 * and interactions ("Default Settings for Allowed Mentions"). Mentions inside code render as text
 * (docs: reference.mdx, Message Formatting, applies to parsed Markdown only), so code is skipped.
 */
export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
}

type AllowedMentions = { parse?: string[]; users?: string[]; roles?: string[] } | undefined;

/** The pings a message with this content and `allowed_mentions` causes. */
export function pingsOf(content: string | undefined, allowed: AllowedMentions, via: 'bot' | 'webhook' | 'interaction'): Pings {
  const text = (content ?? '').replace(/(`+)[\s\S]*?\1/g, ''); // code spans show mentions as text
  const parse = new Set(allowed?.parse ?? (allowed ? [] : via === 'bot' ? ['users', 'roles', 'everyone'] : ['users']));
  const listed = (kind: 'users' | 'roles', id: string) => parse.has(kind) || (allowed?.[kind] ?? []).includes(id);
  const users = [...text.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!).filter((id) => listed('users', id));
  const roles = [...text.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!).filter((id) => listed('roles', id));
  return { users, roles, everyone: parse.has('everyone') && /@(everyone|here)\b/.test(text) };
}

export const NO_PINGS: Pings = { users: [], roles: [], everyone: false };
