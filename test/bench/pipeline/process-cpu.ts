import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { serverUrl } from '../../../libs/test-kit/src/test-database';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU a process has used so far (ms); 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU the whole machine has used so far (ms, all cores: user, nice, system, irq, softirq). */
export function machineCpuMs(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) * TICK_MS;
}

/** The PostgreSQL backends serving the stack's databases (pooled connections live long). */
async function backendPids(databasePrefix: string): Promise<number[]> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname LIKE $1`, [`${databasePrefix}\\_%`]);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** CPU used between `start` and `stop` by each service process and by their database backends. */
export class ProcessCpu {
  private before = new Map<string, number>();
  private backends: number[] = [];

  constructor(
    private readonly services: Record<string, number>,
    private readonly databasePrefix: string,
  ) {}

  async start(): Promise<void> {
    this.backends = await backendPids(this.databasePrefix);
    this.before = this.sample();
  }

  /** Milliseconds of CPU per process name over the run (postgres: its backends still there at the end). */
  stop(): Record<string, number> {
    const after = this.sample();
    const used: Record<string, number> = { postgres: 0 };
    for (const [name, ms] of after) {
      const spent = ms - (this.before.get(name) ?? 0);
      if (!name.startsWith('pg:')) used[name] = spent;
      else if (ms > 0) used.postgres += spent;
    }
    return used;
  }

  private sample(): Map<string, number> {
    const sample = new Map(Object.entries(this.services).map(([name, pid]) => [name, cpuMs(pid)]));
    for (const pid of this.backends) sample.set(`pg:${pid}`, cpuMs(pid));
    const own = process.cpuUsage();
    sample.set('bench', (own.user + own.system) / 1000);
    return sample;
  }
}
