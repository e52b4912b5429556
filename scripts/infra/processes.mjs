// Process and port helpers for the infrastructure scripts (Node built-ins only, so this module
// can be loaded before `npm ci` has run).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(ROOT, '.cache');
export const RUN_DIR = path.join(CACHE_DIR, 'run');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Console output

const useColor = () =>
  !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || Boolean(process.stdout.isTTY));
const PALETTE = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];
const colorFor = new Map();

export function paint(code, text) {
  return useColor() ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function tag(name, code) {
  if (code === undefined) {
    if (!colorFor.has(name)) colorFor.set(name, PALETTE[colorFor.size % PALETTE.length]);
    code = colorFor.get(name);
  }
  return paint(code, `[${name}]`);
}

let logStream = process.stdout;

/** Sends progress messages to another stream (e.g. stderr when stdout carries JSON). */
export function setLogStream(stream) {
  logStream = stream;
}

export function log(message, name = 'infra') {
  logStream.write(`${tag(name, 90)} ${message}\n`);
}

export function warn(message, name = 'infra') {
  process.stderr.write(`${tag(name, 33)} ${paint(33, message)}\n`);
}

/** An error whose message is meant for the user as is (the CLIs print it without a stack). */
export class InfraError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InfraError';
  }
}

export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

// ---------------------------------------------------------------------------------------------
// Pidfiles (.cache/run/<name>.pid)

export function pidfilePath(name) {
  return path.join(RUN_DIR, `${name}.pid`);
}

export function writePidfile(name, pid) {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  fs.writeFileSync(pidfilePath(name), `${pid}\n`);
}

/** The pid recorded in `.cache/run/<name>.pid`, or null when there is none (or it is garbage). */
export function readPidfile(name) {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidfilePath(name), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function removePidfile(name) {
  fs.rmSync(pidfilePath(name), { force: true });
}

export function listPidfiles() {
  try {
    return fs.readdirSync(RUN_DIR).filter((f) => f.endsWith('.pid')).map((f) => f.slice(0, -4));
  } catch {
    return [];
  }
}

export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped) still answers signal 0; it is not alive for our purposes.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** The command line of a process (Linux /proc), or '' when unknown. */
export function processCommand(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/**
 * The pid recorded under `name` if that process is still alive and its command line matches
 * `pattern`; otherwise removes a stale pidfile (saying so) and returns null.
 */
export function livePidFromFile(name, pattern, { quiet = false } = {}) {
  const pid = readPidfile(name);
  if (!pid) return null;
  if (isAlive(pid)) {
    const cmd = processCommand(pid);
    if (!pattern || !cmd || pattern.test(cmd)) return pid;
    if (!quiet) {
      warn(`stale pidfile ${path.relative(ROOT, pidfilePath(name))}: pid ${pid} is now "${truncate(cmd, 80)}", not ours; removing it`);
    }
  } else if (!quiet) {
    warn(`stale pidfile ${path.relative(ROOT, pidfilePath(name))}: process ${pid} is gone (crashed or killed); removing it`);
  }
  removePidfile(name);
  return null;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// A tiny cross-process lock (so `npm start`, `npm test` and Jest global setups never race to
// format or start the same broker).

export async function withLock(name, fn, { timeoutMs = 900_000 } = {}) {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const file = path.join(RUN_DIR, `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (!holder || !isAlive(holder) || holder === process.pid) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new InfraError(`timed out waiting for ${file} (held by pid ${holder})`);
      }
      if (!said) {
        log(`waiting for another process (pid ${holder}) that is setting up ${name}…`);
        said = true;
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Ports

/** True when nothing listens on `port` (we can bind it on `host`). */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** True when a TCP connection to host:port succeeds within timeoutMs. */
export function canConnect(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 60_000, intervalMs = 250, abort } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port, host, 1000)) return;
    const reason = abort?.();
    if (reason) throw new InfraError(reason);
    await sleep(intervalMs);
  }
  throw new InfraError(`nothing answered on ${host}:${port} within ${formatDuration(timeoutMs)}`);
}

/**
 * Waits until `url` answers with a 2xx status. `abort()` is polled between attempts; when it
 * returns a string the wait stops with that message (e.g. "the process exited").
 * Resolves with the last response body (text).
 */
export async function waitForHttp(url, timeoutMs = 60_000, { intervalMs = 500, abort } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const reason = abort?.();
    if (reason) throw new InfraError(reason);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      const body = await res.text();
      if (res.ok) return body;
      last = `HTTP ${res.status} ${body.slice(0, 200)}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await sleep(intervalMs);
  }
  throw new InfraError(`${url} did not answer 2xx within ${formatDuration(timeoutMs)} (last: ${last})`);
}

/**
 * Who listens on a TCP port (Linux /proc). Returns `{ pid, command }`, `{ pid: null }` when the
 * socket exists but its owner cannot be seen, or null when nothing listens.
 */
export function findPortOwner(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = cols[1].split(':')[1];
      if (localPort === hexPort && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  let procs = [];
  try {
    procs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return { pid: null, command: '' };
  }
  for (const pid of procs) {
    let fds;
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) return { pid: Number(pid), command: processCommand(Number(pid)) };
    }
  }
  return { pid: null, command: '' };
}

export function describePortOwner(port) {
  const owner = findPortOwner(port);
  if (!owner) return `port ${port} is free`;
  if (!owner.pid) return `port ${port} is held by a process this user cannot see`;
  return `port ${port} is held by pid ${owner.pid} (${truncate(owner.command || '?', 100)})`;
}

// ---------------------------------------------------------------------------------------------
// Child processes

/**
 * Runs a command to completion with inherited stdio; resolves with its exit code.
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, stdio = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio });
    child.once('error', (err) => {
      if (err.code === 'ENOENT') reject(new InfraError(`${cmd} is not installed (not on PATH)`));
      else reject(err);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Like run() but throws an InfraError naming the command when it fails. */
export async function runOrThrow(cmd, args, opts) {
  const code = await run(cmd, args, opts);
  if (code !== 0) throw new InfraError(`\`${[cmd, ...args].join(' ')}\` failed with exit code ${code}`);
}

function pipeLines(stream, prefix, out) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      out.write(`${prefix} ${buffer.slice(0, nl).replace(/\r$/, '')}\n`);
      buffer = buffer.slice(nl + 1);
    }
  });
  stream.on('end', () => {
    if (buffer) out.write(`${prefix} ${buffer}\n`);
    buffer = '';
  });
}

/**
 * Spawns a long-running child in its own process group (so Ctrl-C reaches only us and we stop
 * children in order) with every output line prefixed by a coloured `[name]`.
 * The returned ChildProcess has `exited` (a promise of `{code, signal}`) and `hasExited()`.
 */
export function spawnPrefixed(name, cmd, args, { cwd = ROOT, env = process.env, color } = {}) {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = tag(name, color);
  pipeLines(child.stdout, prefix, process.stdout);
  pipeLines(child.stderr, prefix, process.stderr);
  let exitInfo = null;
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.once('error', (err) => {
      process.stderr.write(`${prefix} failed to start: ${err.message}\n`);
      exitInfo = { code: 127, signal: null };
      resolve(exitInfo);
    });
  });
  child.hasExited = () => exitInfo;
  return child;
}

/** Waits until `pid` is gone; resolves true if it went within timeoutMs. */
export async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * Sends `signal` to the process group led by `pid` (falling back to the process itself), waits
 * up to timeoutMs and then SIGKILLs the group. Resolves true when it had to SIGKILL.
 */
export async function killProcessGroup(pid, { signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
  if (!pid || !isAlive(pid)) return false;
  const send = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  send(signal);
  if (await waitForExit(pid, timeoutMs)) {
    send('SIGKILL'); // whatever the leader left behind in its group
    return false;
  }
  send('SIGKILL');
  await waitForExit(pid, 5000);
  return true;
}

// ---------------------------------------------------------------------------------------------
// The application processes `npm start` runs (pidfiles `.cache/run/svc-<name>.pid`).

export const APP_SERVICES = [
  { name: 'gateway', port: 8080 },
  { name: 'rectification', port: 3001 },
  { name: 'inspections', port: 3002 },
  { name: 'evaluations', port: 3003 },
  { name: 'notifications', port: 3004 },
];

export const servicePidName = (name) => `svc-${name}`;

/** Runs `npm ci` when node_modules is missing (the check works before any dependency exists). */
export async function ensureNodeModules() {
  if (fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) return false;
  log('node_modules is missing: running `npm ci` (first run only)…', 'npm');
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if ((await run(npm, ['ci', '--no-audit', '--no-fund'])) !== 0) {
    // npm ci rejects a lockfile whose optional platform packages the registry cannot serve;
    // `npm install --no-save` installs the same locked versions and leaves the lockfile alone.
    warn('`npm ci` failed; retrying with `npm install --no-save`', 'npm');
    await runOrThrow(npm, ['install', '--no-save', '--no-audit', '--no-fund']);
  }
  log(`dependencies installed in ${formatDuration(Date.now() - started)}`, 'npm');
  return true;
}

/** Builds the TypeScript sources into dist/ with tsconfig.build.json. */
export async function buildTypeScript() {
  const config = path.join(ROOT, 'tsconfig.build.json');
  if (!fs.existsSync(config)) throw new InfraError('tsconfig.build.json is missing; cannot build the services');
  log('building TypeScript (tsc -p tsconfig.build.json)…', 'build');
  const started = Date.now();
  const code = await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config]);
  if (code !== 0) throw new InfraError(`the TypeScript build failed (tsc exit code ${code}); see the errors above`);
  log(`built in ${formatDuration(Date.now() - started)}`, 'build');
}

/** Prints an InfraError as a plain message (others with their stack) and returns exit code 1. */
export function reportFatal(err, name = 'infra') {
  if (err instanceof InfraError || err?.name === 'InfraError') {
    process.stderr.write(`${tag(name, 31)} ${paint(31, err.message)}\n`);
  } else {
    process.stderr.write(`${tag(name, 31)} ${err?.stack ?? err}\n`);
  }
  return 1;
}

/**
 * Reads `.env` at the repository root, if there is one, into process.env without overriding
 * variables the environment already has (see .env.example). Returns the names it set.
 */
export function loadDotEnv(file = path.join(ROOT, '.env')) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const parsed = util.parseEnv(text);
  const set = Object.keys(parsed).filter((k) => process.env[k] === undefined);
  for (const k of set) process.env[k] = parsed[k];
  if (set.length) log(`read ${set.length} setting(s) from .env: ${set.join(', ')}`);
  return set;
}
