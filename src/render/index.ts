import type { Summary } from '../summary/build.js';
import { renderDiscordMessage, type DiscordMessagePayload } from './discord.js';
import { renderTelegramMessage, type TelegramMessagePayload } from './telegram.js';
import { renderPlainText } from './text.js';

export interface Rendered {
  discord: DiscordMessagePayload;
  telegram: TelegramMessagePayload;
  text: string;
}

export function renderAll(s: Summary): Rendered {
  return { discord: renderDiscordMessage(s), telegram: renderTelegramMessage(s), text: renderPlainText(s) };
}
