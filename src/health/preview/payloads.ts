/**
 * What the preview page shows for a note: the payloads `start` would send, per route and platform.
 * They come from the config's templates, the same `payloadsFor` the adapters send with.
 */
import type { Note } from '../../notes/read.js';
import type { Route } from '../../config/schema.js';
import type { DiscordMessagePayload } from '../../render/discord.js';
import type { TelegramMessagePayload } from '../../render/telegram.js';
import { Templates } from '../../render/templates/compile.js';
import { discordPayloadFor, payloadsFor, telegramPayloadFor } from '../../render/templates/payloads.js';
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
 * The payloads `start` sends, through the config's templates (render/templates): the global ones
 * for every chat without a route of its own, and each route's own where it has them, labelled with
 * the route's name (else its platform and chat) and for its own platform only.
 */
export function templatePayloadsOf(templates: Templates, routes: readonly Route[]): PayloadsOf {
  const own = routes.map((route) => ({ route, t: templates.forRoute(route) })).filter(({ t }) => t !== templates.global);
  return (source) => {
    const note = { summary: source.summary, alsoIn: [...source.alsoIn] };
    const every = payloadsFor(note, templates.global);
    if (!own.length) return [every];
    const label = (r: Route) => r.name ?? `${r.platform} ${r.chat}`;
    return [
      { route: 'every other chat', ...every },
      ...own.map(({ route, t }) => (route.platform === 'discord' ? { route: label(route), discord: discordPayloadFor(note, t) } : { route: label(route), telegram: telegramPayloadFor(note, t) })),
    ];
  };
}
