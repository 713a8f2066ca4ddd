/** Platform-neutral chat commands: a definition (data) and a handler, registered by each adapter. */
import type { Store } from '../store/store.js';
import type { NoteSearch, SearchResult } from '../search/index.js';
import type { Summary } from '../summary/build.js';
import type { Target } from '../store/types.js';
import type { CommandRateLimiter } from './limit.js';

/** Locales every command description is given in, besides English; Telegram's language codes too. */
export type DescriptionLocale = 'zh' | 'ja' | 'hi' | 'es';
/** Those, and Traditional Chinese (`hant`: Discord's zh-TW), which `zh` (Simplified) does not serve. */
export type CommandDescriptionLocale = DescriptionLocale | 'hant';

/**
 * How an option is written where a command is typed as text (Telegram: `/subscribe ai lang:en`);
 * Discord's slash commands carry options by name instead. See commands/args.ts.
 */
export interface TypedOption {
  /** `key:value` spellings (case-insensitive); a key given twice joins its values with commas. */
  keys?: string[];
  /**
   * Which words without a key it takes: `rest`, the whole text; `all`, every one (a list);
   * or those matching `pattern`, only the first word with `first`, only if still unset with `once`.
   */
  bare?: 'rest' | 'all' | { pattern: RegExp; first?: boolean; once?: boolean };
  /** Its value is text: in quotes of any kind, or every word up to the next `key:` (`words:rust async tag:ai`). */
  text?: boolean;
}

export interface CommandOption {
  name: string;
  type: 'string' | 'integer';
  description: string;
  required?: boolean;
  /** Suggestions as the user types (the note lookup: commands/lookup.ts). */
  autocomplete?: boolean;
  min?: number;
  max?: number;
  typed?: TypedOption;
  /** What it takes, for the line answering it given empty (`digest:`): `a time`. */
  needs?: string;
  /** It as typed (`digest:"daily 09:00"`), for that line and /help. */
  example?: string;
}

export interface CommandDefinition {
  name: string;
  description: string;
  descriptions: Record<CommandDescriptionLocale, string>;
  options: CommandOption[];
  /** Changes what a chat receives: chat admins (Telegram) or Manage Channels (Discord) only. */
  adminOnly: boolean;
  /** Said when it is refused for an option given empty (`Nothing was subscribed.`). */
  unchanged?: string;
  /** Only shows notes (changes nothing): its answer may be shown to the asker alone (Discord's `ephemeralLookups`). */
  lookup?: boolean;
}

export interface CommandInput {
  target: Target;
  userId: string;
  /** The user's language (`language_code`, Discord `locale`), to prefer translations. */
  locale?: string | undefined;
  /**
   * The chat's language where the platform tells it (Discord: the guild's preferred locale;
   * Telegram: the language of whoever runs the command). Kept with a subscription.
   */
  chatLocale?: string | undefined;
  options: Record<string, string | number | undefined>;
  /** Keys typed that the command has no option for (Telegram text: `langs:en`); the command is refused. */
  unknownKeys?: readonly string[];
  /** Asked only when the command needs it. */
  isAdmin: () => Promise<boolean>;
}

export type CommandReply =
  | { type: 'text'; text: string }
  | { type: 'note'; noteId: string; summary: Summary; more: SearchResult[] }
  | { type: 'list'; heading: string; items: SearchResult[] };

/**
 * The store as a command sees it: notes by id (a lookup's answer), and a chat's subscriptions and
 * pause. Nothing of the outbox or of how notes are written.
 */
export type CommandStore = Pick<Store, 'getNote' | 'summaries' | 'subscribe' | 'unsubscribe' | 'subscriptions' | 'isPaused' | 'resume'>;

export interface CommandDeps {
  store: CommandStore;
  search: NoteSearch;
  /** Per-user flood protection; absent in tests that do not need it. */
  limiter?: CommandRateLimiter;
  /** Reports each command's latency (metrics). */
  observe?: (platform: string, command: string, ms: number) => void;
  /** /unsubscribe removed subscriptions here: posts waiting for the chat that it no longer wants are called off (publish/chat-wants.ts). */
  unsubscribed?: (target: Target) => void;
  /** /subscribe added one here: posts held for a digest that the chat now wants at once go now (publish/scheduled-digest.ts). */
  subscribed?: (target: Target) => void;
  /** An update from a channel or supergroup named it by its `username` too: told before its command runs (publish/chat-names-later.ts). */
  chatNamed?: (chat: Target, username: string) => void;
}

export interface Command {
  definition: CommandDefinition;
  handle(input: CommandInput, deps: CommandDeps): Promise<CommandReply>;
}
