import { createHash } from 'node:crypto';

/**
 * A short, stable key for a note id, for the places platforms limit: Telegram callback data and
 * inline result ids (64 bytes), Discord autocomplete values (100 characters).
 */
export function noteKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 22);
}
