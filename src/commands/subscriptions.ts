import { describeFilter } from '../notes/filter.js';
import type { Command } from './types.js';

export const subscriptionsCommand: Command = {
  definition: {
    name: 'subscriptions',
    description: "List this chat's subscriptions",
    descriptions: { zh: '列出此聊天的订阅', hant: '列出此聊天的訂閱', ja: 'このチャットの購読を一覧表示', hi: 'इस चैट की सदस्यताएँ दिखाएँ', es: 'Ver las suscripciones de este chat' },
    options: [],
    adminOnly: false,
  },
  async handle(input, { store }) {
    const subs = store.subscriptions(input.target);
    if (!subs.length) return { type: 'text', text: 'No subscriptions here yet. An admin can add one with /subscribe.' };
    const paused = store.isPaused(input.target) ? '\n(Deliveries here are paused after an error; /subscribe again to resume.)' : '';
    return { type: 'text', text: `Subscriptions here:\n${subs.map((s) => `#${s.id}: ${describeFilter(s.filter)}`).join('\n')}${paused}` };
  },
};
