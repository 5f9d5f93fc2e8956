import pg from "pg";

/**
 * A new database on the same PostgreSQL server as `baseUrl` (the test database's), for a run that needs a
 * database of its own next to it — a crash run, a first start: empty, or with `copy` a copy of `baseUrl`'s
 * database as it is (PostgreSQL's TEMPLATE; nothing may be connected to it meanwhile). `drop` removes it.
 */
export async function createSiblingDatabase(
  baseUrl: string,
  prefix: string,
  { copy = false }: { copy?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const source = new URL(baseUrl).pathname.slice(1);
  // a template must have no sessions, so the statements go through the server's maintenance database
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: copy ? admin.toString() : baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"${copy ? ` TEMPLATE "${decodeURIComponent(source)}"` : ""}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
