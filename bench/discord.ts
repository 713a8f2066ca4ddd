/**
 * Issue 6's benchmarks, through the real discord.js client against the fake Discord:
 * autocomplete round trip (interaction in, callback out) over an index of N notes, and one note
 * announced to C channels as a ratio of the throughput the fake's rate limits allow.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeDiscord } from '../test/fakes/discord/server.js';
import { createDiscordAdapter } from '../src/adapters/discord/adapter.js';
import { configSchema } from '../src/config/schema.js';
import { silentLogger } from '../src/log.js';
import { NoteSearch } from '../src/search/index.js';
import { Store } from '../src/store/store.js';
import { tokenize } from '../src/search/text.js';
import { benchTmp, machine, percentile } from './lib.js';
import { benchWorkspace, startBenchService, waitUntil } from './service.js';
import { indexDocs, loadDocs } from './search.js';
import { blogTree } from './blog.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.bench.discord-token';

async function autocomplete(notes: number, queries: number): Promise<Record<string, unknown>> {
  const tree = blogTree(notes, benchTmp(`blog-${notes}`));
  const docs = await loadDocs(tree.dir);
  const fake = await new FakeDiscord(TOKEN).start();
  const guild = fake.addGuild();
  const ch = fake.addChannel(guild);
  const store = new Store(benchWorkspace('discord-ac', '').db);
  indexDocs(store, docs);
  const search = new NoteSearch(store);
  const config = configSchema.parse({ discord: { api: fake.api, registerCommands: false } });
  const adapter = createDiscordAdapter({ token: TOKEN, config: config.discord, state: store, deps: { store, search }, log: silentLogger(), callTimeoutMs: config.delivery.callTimeoutMs });
  await adapter.start!();
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const d = docs[(i * 7919) % docs.length]!;
    const words = tokenize(d.info.title, d.info.locale);
    const second = words[1] ?? words[0] ?? 'a';
    const typed = `${words.length > 1 ? `${words[0]} ` : ''}${second.slice(0, 1 + (i % Math.max(1, second.length)))}`;
    const t0 = performance.now();
    const r = await fake.interact({ type: 4, guild, channel: ch.id, name: 'note', locale: 'en-US', options: [{ type: 3, name: 'query', value: typed, focused: true }] });
    times.push(performance.now() - t0);
    if (r.type !== 8) throw new Error('autocomplete was not answered');
  }
  await adapter.stop!();
  store.close();
  await fake.stop();
  times.sort((a, b) => a - b);
  return { notes, queries, p50Ms: Math.round(percentile(times, 50) * 10) / 10, p99Ms: Math.round(percentile(times, 99) * 10) / 10, maxMs: Math.round(times[times.length - 1]! * 10) / 10 };
}

async function fanOut(channels: number): Promise<Record<string, unknown>> {
  const fake = await new FakeDiscord(TOKEN).start();
  const guild = fake.addGuild();
  const chans = Array.from({ length: channels }, (_, i) => fake.addChannel(guild, 0, `c${i}`));
  const routes = chans.map((c) => `  - platform: discord\n    chat: "${c.id}"\n`).join('');
  const ws = benchWorkspace('discord-fanout', `watch:\n  quietMs: 200\nlog:\n  level: warn\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n${routes}`);
  const svc = await startBenchService(ws, { DISCORD_TOKEN: TOKEN });
  writeFileSync(path.join(ws.notes, 'wide-en.md'), '---\ntitle: Wide news\n---\n\nOne note for many channels.\n');
  await waitUntil(() => fake.messages.length >= channels, 5 * 60_000);
  await new Promise((r) => setTimeout(r, 500));
  await svc.stop();
  const creates = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && r.status === 200).map((r) => r.at);
  const seconds = (Math.max(...creates) - Math.min(...creates)) / 1000;
  const rate = (creates.length - 1) / seconds;
  const s = new Store(ws.db);
  const status = s.status();
  s.close();
  await fake.stop();
  return {
    channels,
    delivered: new Set(fake.messages.map((m) => m.channel_id)).size,
    messagesPerSecond: Math.round(rate * 10) / 10,
    allowedPerSecond: fake.limits.globalPerSecond,
    ratioOfAllowed: Math.round((rate / fake.limits.globalPerSecond) * 1000) / 1000,
    http429: fake.tooManyRequests,
    outboxFailed: status.outbox.failed ?? 0,
  };
}

export async function benchDiscord(notes = 35_000, channels = 500): Promise<Record<string, unknown>> {
  const fan = await fanOut(channels);
  const ac = await autocomplete(notes, 1000);
  return { bench: 'Discord (issue 6)', machine: machine(), fanOut: fan, autocomplete: ac };
}
