/**
 * What a kill -9 leaves, for services run in the test's own process (InProcessService.kill, InProcessCli.kill):
 *
 * - The database file as the OS leaves it. better-sqlite3's `close()` (sqlite3_close_v2) on the last connection to a
 *   WAL database checkpoints the WAL into the database file and deletes the `-wal` (https://www.sqlite.org/wal.html,
 *   "When the last connection to a database closes, that connection does one last checkpoint and then deletes the WAL");
 *   a killed process does neither: the committed transactions stay in the `-wal`, and the next open recovers them from
 *   it. `closedAsKilled` keeps a read-only connection open across the service's close (it holds a shared lock, so the
 *   closing one is not the last and skips that checkpoint) and closes it after: a read-only connection never
 *   checkpoints (checked: 100 rows committed, the writer closed, then the reader: the `-wal` stays, 420 kB, and a new
 *   connection in the same process reads the 100 rows from it). A transaction open at the kill is rolled back either
 *   way (SQLite ignores WAL frames past the last commit).
 * - Its connections cut (`CutLink`): every connection to a fake goes through a link of this start, which the kill
 *   destroys at once, as the kernel closes a killed process's sockets. A call the fake had read may have been carried
 *   out (its answer then reaches no one); one not yet read never is; and nothing the abandoned service still runs (a
 *   retry timer, a send held behind a rate limit) reaches the fake after it: `posthumous` counts those refused.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';

/** Runs `close` (the service's abandon) with the database file left as a kill leaves it; returns the `-wal`'s size after (0: none). */
export async function closedAsKilled(dbPath: string, close: () => Promise<void> | void): Promise<number> {
  let reader: Database.Database | undefined;
  try {
    reader = existsSync(dbPath) ? new Database(dbPath, { readonly: true, fileMustExist: true }) : undefined;
    reader?.prepare('SELECT COUNT(*) FROM sqlite_master').get(); // a read takes the shared lock the closing writer meets
  } catch {
    reader?.close(); // not yet a database (a kill before the first start made it): nothing to keep
    reader = undefined;
  }
  try {
    await close();
  } finally {
    reader?.close();
  }
  return existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
}

/** A TCP link to a fake's port (`url`) that a kill cuts (see the file's comment). */
export class CutLink {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private cutAt: number | undefined;
  /** Connections the abandoned service opened after the cut, refused at once. */
  posthumous = 0;

  constructor(private readonly target: string) {}

  /** `http://127.0.0.1:<port>` leading to `target` (an `http://host:port` base), with `target`'s path kept. */
  get url(): string {
    const t = new URL(this.target);
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${t.pathname === '/' ? '' : t.pathname}`;
  }

  async start(): Promise<this> {
    const t = new URL(this.target);
    this.server = createServer((client) => {
      if (this.cutAt !== undefined) {
        this.posthumous++;
        return void client.destroy();
      }
      const upstream = connect(Number(t.port), t.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined); // a cut or a fake's drop: what the other side sees is the point
        s.on('close', () => (this.sockets.delete(s), client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  /** The kill: every connection destroyed now, every later one refused (the port stays taken, so no other server gets it). */
  cut(): void {
    this.cutAt ??= Date.now();
    for (const s of [...this.sockets]) s.destroy();
  }

  async close(): Promise<void> {
    this.cut();
    if (this.server?.listening) await new Promise((r) => this.server!.close(r));
  }
}
