import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/**
 * A real PostgreSQL 15 streaming-replication pair in a temporary folder, for the read-replica tests and
 * the bench (docs/deploy.md#read-replica). Free of vitest so both can use it. The servers run as the
 * `postgres` OS user (initdb refuses root): through `runuser` when this process is root, directly
 * otherwise. The primary allows trust logins and replication from 127.0.0.1 only; the replica is a
 * `pg_basebackup -R` copy streaming from it. `stop()` removes both servers and their files.
 */
export type ReplicaPair = {
  /** the primary's database `onward_replica_…` (empty: the caller migrates and seeds it) */
  primaryUrl: string;
  /** the same database on the hot standby */
  replicaUrl: string;
  /** another database of the primary (one created on it later, say) as the standby serves it */
  replicaUrlFor: (primaryDatabaseUrl: string) => string;
  /** stops the replica server (connections to it are refused until startReplica) */
  stopReplica: () => Promise<void>;
  startReplica: () => Promise<void>;
  /** pg_wal_replay_pause(): the replica keeps receiving WAL but shows nothing newer */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** resolves once the replica has replayed everything the primary had written when called (not while paused) */
  caughtUp: () => Promise<void>;
  stop: () => Promise<void>;
};

const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
const run = promisify(execFile);

async function asPostgres(command: string, args: string[]): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args]]
    : [path.join(BIN, command), args];
  try {
    const { stdout } = await run(file, argv, { maxBuffer: 10 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`${command} failed: ${err.stderr || err.message}`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** Two free ports from basePort up (within 20 ports: the range a caller reserved). */
async function twoFreePorts(basePort: number): Promise<[number, number]> {
  const found: number[] = [];
  for (let p = basePort; p < basePort + 20 && found.length < 2; p++) if (await portIsFree(p)) found.push(p);
  const [primary, replica] = found;
  if (primary === undefined || replica === undefined)
    throw new Error(`no two free ports in ${basePort}–${basePort + 19}`);
  return [primary, replica];
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

export async function startReplicaPair(opts: { basePort: number }): Promise<ReplicaPair> {
  const root = mkdtempSync(path.join(tmpdir(), "onward-replica-"));
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  if (process.getuid?.() === 0) {
    const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    chownSync(root, uid, gid);
  }
  const [primaryPort, replicaPort] = await twoFreePorts(opts.basePort);
  const ctl = (dir: string, port: number, action: "start" | "stop") =>
    action === "start"
      ? asPostgres("pg_ctl", ["-D", dir, "-l", `${dir}.log`, "-o", `-p ${port} -k ${root}`, "-w", "start"])
      : asPostgres("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
  let primaryUp = false;
  let replicaUp = false;
  const stop = async () => {
    if (replicaUp) await ctl(replicaDir, replicaPort, "stop").catch(() => undefined);
    if (primaryUp) await ctl(primaryDir, primaryPort, "stop").catch(() => undefined);
    replicaUp = primaryUp = false;
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await asPostgres("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    appendFileSync(
      path.join(primaryDir, "pg_hba.conf"),
      "host replication all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n",
    );
    writeFileSync(
      path.join(primaryDir, "postgresql.auto.conf"),
      "wal_level = replica\nmax_wal_senders = 4\nlisten_addresses = '127.0.0.1'\nfsync = off\n",
    );
    await ctl(primaryDir, primaryPort, "start");
    primaryUp = true;
    const name = `onward_replica_${process.pid}_${Date.now().toString(36)}`;
    const server = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
    await sql(server, `CREATE DATABASE "${name}"`);
    await asPostgres("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"],
      ...["-D", replicaDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
    ]);
    // the copy inherits the primary's settings; it must answer reads while it replays (hot standby)
    appendFileSync(path.join(replicaDir, "postgresql.auto.conf"), "hot_standby = on\n");
    await ctl(replicaDir, replicaPort, "start");
    replicaUp = true;
    const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${name}`;
    const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/${name}`;
    const [state] = await sql<{ recovery: boolean }>(replicaUrl, "SELECT pg_is_in_recovery() AS recovery");
    if (!state?.recovery) throw new Error("the replica is not in recovery: it does not stream from the primary");

    const caughtUp = async () => {
      const [{ lsn } = { lsn: "" }] = await sql<{ lsn: string }>(
        primaryUrl,
        "SELECT pg_current_wal_lsn()::text AS lsn",
      );
      for (;;) {
        const [row] = await sql<{ done: boolean }>(
          replicaUrl,
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        if (row?.done) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await caughtUp();
    return {
      primaryUrl,
      replicaUrl,
      replicaUrlFor: (url) => {
        const u = new URL(url);
        u.port = String(replicaPort);
        return u.toString();
      },
      stopReplica: async () => {
        await ctl(replicaDir, replicaPort, "stop");
        replicaUp = false;
      },
      startReplica: async () => {
        await ctl(replicaDir, replicaPort, "start");
        replicaUp = true;
      },
      pauseReplay: async () => void (await sql(replicaUrl, "SELECT pg_wal_replay_pause()")),
      resumeReplay: async () => void (await sql(replicaUrl, "SELECT pg_wal_replay_resume()")),
      caughtUp,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
