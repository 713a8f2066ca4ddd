import type { Command } from './types.js';

export const unsubscribeCommand: Command = {
  definition: {
    name: 'unsubscribe',
    description: 'Stop announcements in this chat (all, or one subscription by its number)',
    descriptions: {
      zh: '停止在此聊天中的通知（全部或按编号）',
      hant: '停止在此聊天中的通知（全部或按編號）',
      ja: 'このチャットでの通知を停止します（全部、または番号で1件）',
      hi: 'इस चैट में घोषणाएँ बंद करें (सभी, या नंबर से एक)',
      es: 'Dejar de anunciar en este chat (todas, o una por su número)',
    },
    options: [{ name: 'id', type: 'integer', description: 'The subscription number from /subscriptions', min: 1, typed: { keys: ['id'], bare: { pattern: /^#?\d+$/, first: true } }, needs: 'a number from /subscriptions', example: 'id:2' }],
    adminOnly: true,
    unchanged: 'Nothing was removed.',
  },
  async handle(input, { store, unsubscribed }) {
    const id = input.options.id === undefined ? undefined : Number(input.options.id);
    if (id !== undefined && !Number.isSafeInteger(id)) return { type: 'text', text: 'Give the number shown by /subscriptions, or nothing to remove them all.' };
    const removed = store.unsubscribe(input.target, id);
    if (!removed) return { type: 'text', text: id === undefined ? 'This chat has no subscriptions.' : `No subscription #${id} here.` };
    // A post still waiting for this chat (paused, an outage, a grace period) that it no longer wants is never sent.
    unsubscribed?.(input.target);
    return { type: 'text', text: id === undefined ? `Unsubscribed: ${removed} subscription${removed === 1 ? '' : 's'} removed.` : `Subscription #${id} removed.` };
  },
};
