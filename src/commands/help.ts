import type { Command } from './types.js';

const HELP_TEXT = [
  'I announce new notes from a notes folder, and look them up.',
  '/note <words>: find a note and show its summary',
  '/latest [n]: the newest notes',
  '/subscribe [tag:x] [lang:y] [type:z] [words:"rust async"]: announce new notes here (admins)',
  '/unsubscribe [number]: stop them (admins)',
  '/subscriptions: what this chat receives',
].join('\n');

export const helpCommand: Command = {
  definition: {
    name: 'help',
    description: 'What this bot does and how to use it',
    descriptions: { zh: '机器人功能与用法', hant: '機器人功能與用法', ja: 'このボットの機能と使い方', hi: 'यह बॉट क्या करता है और कैसे उपयोग करें', es: 'Qué hace este bot y cómo usarlo' },
    options: [],
    adminOnly: false,
    lookup: true,
  },
  async handle() {
    return { type: 'text', text: HELP_TEXT };
  },
};
