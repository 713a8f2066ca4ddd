/**
 * What the preview page shows for a note: the payloads `start` would send, per route and platform.
 * `payloadsOf` is the one place the page takes them from, so the template-aware renderer (issue
 * 28's templates) replaces this function and nothing else.
 */
import type { Note } from '../../notes/read.js';
import { renderDiscordMessage, type DiscordMessagePayload } from '../../render/discord.js';
import { renderTelegramMessage, type TelegramMessagePayload } from '../../render/telegram.js';
import type { AlsoIn } from '../../store/types.js';
import type { Summary } from '../../summary/build.js';

/** A note as the preview has it: parsed and summarised as `start` does, with its family's other languages. */
export interface PreviewSource {
  note: Note;
  summary: Summary;
  /** The family's other languages, as a family announcement links them (empty when alone or `separate`). */
  alsoIn: readonly AlsoIn[];
}

/** The payloads one route (or, `route` unset, every route alike) gets; a platform left out is not sent there. */
export interface RoutePayloads {
  route?: string | undefined;
  discord?: DiscordMessagePayload | undefined;
  telegram?: TelegramMessagePayload | undefined;
}

export type PayloadsOf = (source: PreviewSource) => RoutePayloads[];

/**
 * Today every route gets the same payloads, built by the functions the adapters send with:
 * `renderDiscordMessage` (adapters/discord/deliver.ts `bodyOf`) and `renderTelegramMessage`
 * (adapters/telegram/adapter.ts `payloadOf`), each given the summary and its family's "also in".
 */
export function payloadsOf(source: PreviewSource): RoutePayloads[] {
  const alsoIn = [...source.alsoIn];
  return [{ discord: renderDiscordMessage(source.summary, alsoIn), telegram: renderTelegramMessage(source.summary, alsoIn) }];
}
