/** Prometheus metrics (prom-client), on a registry of our own rather than the global default. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryEvent } from '../publish/deliverer.js';
import type { Store } from '../store/store.js';

export class Metrics {
  readonly registry = new Registry();
  private readonly deliveries = new Counter({ name: 'notecast_deliveries_total', help: 'Deliveries by platform, kind and outcome', labelNames: ['platform', 'kind', 'outcome'], registers: [this.registry] });
  /** Posts whose answer never came, sent again; guard `none`: the chat may show them twice (publish/uncertain.ts). */
  private readonly uncertain = new Counter({ name: 'notecast_uncertain_sends_total', help: 'Posts sent again after no answer came to them, by platform and what recognises the resend (nonce, or none: may show twice)', labelNames: ['platform', 'guard'], registers: [this.registry] });
  private readonly commands = new Histogram({
    name: 'notecast_command_seconds',
    help: 'Chat command latency',
    labelNames: ['platform', 'command'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly notes = new Gauge({ name: 'notecast_notes', help: 'Notes known, by state', labelNames: ['state'], registers: [this.registry] });
  private readonly outbox = new Gauge({ name: 'notecast_outbox', help: 'Outbox rows by status (pending is the depth)', labelNames: ['status'], registers: [this.registry] });
  private readonly pages = new Gauge({ name: 'notecast_pages_waiting', help: 'Pages whose first post waits for them to be live (publish.waitUntilLive), by state', labelNames: ['state'], registers: [this.registry] });
  private readonly paused = new Gauge({ name: 'notecast_paused_targets', help: 'Chats paused after a permanent failure', registers: [this.registry] });
  private readonly bookkeeping = new Gauge({ name: 'notecast_bookkeeping_failing_lanes', help: 'Chats whose last delivery could not be recorded (a full or locked database): each waits, longer after each failure in a row', registers: [this.registry] });
  /** The deliverer's lanes whose bookkeeping failed (Deliverer.bookkeeping), once it exists. */
  bookkeepingFailing: () => number = () => 0;

  constructor(private readonly store: Store) {
    collectDefaultMetrics({ register: this.registry, prefix: 'notecast_' });
  }

  /** The Prometheus text, with the store's gauges read from one status snapshot per scrape. */
  async scrape(): Promise<string> {
    const s = this.store.status();
    this.notes.reset();
    for (const [state, n] of Object.entries(s.notes)) this.notes.set({ state }, n);
    this.outbox.reset();
    for (const [status, n] of Object.entries(s.outbox)) this.outbox.set({ status }, n);
    this.paused.set(s.paused.length);
    this.bookkeeping.set(this.bookkeepingFailing());
    const pages = this.store.livePages.pending();
    for (const state of ['waiting', 'held']) this.pages.set({ state }, pages.filter((p) => p.state === state).length);
    return this.registry.metrics();
  }

  onDelivery = (e: DeliveryEvent): void => {
    this.deliveries.inc({ platform: e.row.target.platform, kind: e.row.kind, outcome: e.outcome });
    if (e.uncertain) this.uncertain.inc({ platform: e.row.target.platform, guard: e.uncertain });
  };

  onCommand = (platform: string, command: string, ms: number): void => {
    this.commands.observe({ platform, command }, ms / 1000);
  };
}
