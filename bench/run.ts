/** `npm run bench [-- name...]`: runs the benchmarks and prints their figures as JSON. */
import { benchSummary } from './summary.js';
import { benchStartup } from './startup.js';
import { benchLatency } from './latency.js';
import { benchSearch } from './search.js';
import { benchTelegram } from './telegram.js';
import { benchDiscord } from './discord.js';
import { benchSoak } from './soak.js';
import { benchWatch } from './watch.js';
import { benchModel } from './model.js';
import { benchSearches } from './searches.js';
import { benchGrowth } from './growth.js';
import { benchCli } from './cli.js';
import { benchControls } from './controls.js';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  summary: () => benchSummary(Number(process.env.BENCH_NOTES ?? 20_000)),
  startup: () => benchStartup(Number(process.env.BENCH_NOTES ?? 35_000)),
  search: () => benchSearch(Number(process.env.BENCH_NOTES ?? 35_000)),
  telegram: () => benchTelegram(Number(process.env.BENCH_CHATS ?? 1000)),
  discord: () => benchDiscord(Number(process.env.BENCH_NOTES ?? 35_000), Number(process.env.BENCH_CHANNELS ?? 500)),
  soak: () => benchSoak(Number(process.env.BENCH_SOAK_NOTES ?? 10), Number(process.env.BENCH_SOAK_TARGETS ?? 1000)),
  latency: () => benchLatency(Number(process.env.BENCH_SAVES ?? 200), 250, Number(process.env.BENCH_NOTES ?? 35_000)),
  model: () => benchModel(Number(process.env.BENCH_MODEL_RUNS ?? 200), Number(process.env.BENCH_MODEL_SEED ?? Date.now() % 2 ** 31), Number(process.env.BENCH_MODEL_STEPS ?? 16)),
  watch: () => benchWatch(Number(process.env.BENCH_NOTES ?? 35_000), Number(process.env.BENCH_POLL_MS ?? 3000)),
  growth: () => benchGrowth((process.env.BENCH_GROWTH_SIZES ?? '5000,35000,100000').split(',').map(Number), Number(process.env.BENCH_SAVES ?? 40)),
  controls: () => benchControls(Number(process.env.BENCH_CONTROLS_RUNS ?? 2000), Number(process.env.BENCH_CONTROLS_SEED ?? Date.now() % 2 ** 31)),
  cli: () => benchCli(Number(process.env.BENCH_RUNS ?? 5)),
  searches: () => benchSearches(Number(process.env.BENCH_SEARCHES ?? 10_000), Number(process.env.BENCH_SAVES ?? 200)),
};

/** Run only when named: growth builds and starts 100,000-note trees (tens of minutes). */
const ONLY_WHEN_NAMED = new Set(['growth']);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(benches).filter((n) => !ONLY_WHEN_NAMED.has(n))) {
  const run = benches[name];
  if (!run) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  console.log(JSON.stringify(await run(), null, 2));
}
