import { readdirSync, readFileSync } from 'node:fs';

/**
 * How much of the machine something other than the bench used while a round ran: the CPU
 * time of every process outside the bench's own process tree (the app's services, Chromium
 * and its children), kernel threads included, and the time the hypervisor took away (steal).
 * On two cores a few tenths of a core used elsewhere is enough to push a round's slowest
 * charges out, so the table prints it beside each round's figure. Linux only (/proc); null
 * elsewhere, and the table then says so.
 */
export interface CpuSnapshot {
  /** Clock ticks, all cores: busy (user, nice, system, irq, softirq), steal, and everything. */
  machineBusy: number;
  steal: number;
  total: number;
  /**
   * Clock ticks used by the bench's process tree: user + system of each live process, and of
   * the children each has reaped, so a helper process that exits during a round moves its
   * time to its parent instead of out of the tree (and into "others").
   */
  ownTree: number;
  cores: number;
}

export interface Contention {
  /** CPU used outside the bench's process tree, in cores (0.25 = a quarter of one core). */
  othersCores: number;
  /** Share of all cores' time the hypervisor gave to other machines, %. */
  stealPct: number;
}

/** The aggregate line and the per-core count of /proc/stat; null if it is not that format. */
export function parseProcStat(text: string): { busy: number; steal: number; total: number; cores: number } | null {
  const lines = text.split('\n');
  const head = lines[0]?.trim().split(/\s+/);
  if (!head || head[0] !== 'cpu' || head.length < 9) return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = head.slice(1, 9).map(Number) as number[];
  if (![user, nice, system, idle, iowait, irq, softirq, steal].every((x) => Number.isFinite(x))) return null;
  const busy = user! + nice! + system! + irq! + softirq!;
  const cores = lines.filter((l) => /^cpu\d+\s/.test(l)).length;
  // guest time is already inside user; summing it again would count it twice.
  return { busy, steal: steal!, total: busy + idle! + iowait! + steal!, cores: Math.max(cores, 1) };
}

/**
 * pid, parent and ticks (user + system, its own and its reaped children's) from a
 * /proc/<pid>/stat line; the name may hold spaces and parentheses.
 */
export function parsePidStat(text: string): { pid: number; ppid: number; ticks: number } | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number(text.slice(0, text.indexOf('(')).trim());
  // After the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), numbered as in proc(5).
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(rest[1]);
  const ticks = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
  return Number.isFinite(pid) && Number.isFinite(ppid) && Number.isFinite(ticks) ? { pid, ppid, ticks } : null;
}

/** Ticks of `root` and every process below it. */
export function treeTicks(procs: readonly { pid: number; ppid: number; ticks: number }[], root: number): number {
  const children = new Map<number, number[]>();
  for (const p of procs) {
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const byPid = new Map(procs.map((p) => [p.pid, p.ticks]));
  let sum = 0;
  const todo = [root];
  const seen = new Set<number>();
  while (todo.length > 0) {
    const pid = todo.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    sum += byPid.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return sum;
}

export function contentionBetween(a: CpuSnapshot | null, b: CpuSnapshot | null): Contention | null {
  if (!a || !b) return null;
  const total = b.total - a.total;
  if (total <= 0) return null;
  const others = b.machineBusy - a.machineBusy - (b.ownTree - a.ownTree);
  return {
    othersCores: (Math.max(0, others) / total) * b.cores,
    stealPct: ((b.steal - a.steal) / total) * 100,
  };
}

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The machine and the bench's process tree now; null where /proc is not there. */
export function cpuSnapshot(root = process.pid): CpuSnapshot | null {
  const stat = readOr('/proc/stat');
  const machine = stat === null ? null : parseProcStat(stat);
  if (!machine) return null;
  const procs: { pid: number; ppid: number; ticks: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    // A process may end between the listing and the read: it simply is not counted.
    const line = readOr(`/proc/${name}/stat`);
    const p = line === null ? null : parsePidStat(line);
    if (p) procs.push(p);
  }
  return {
    machineBusy: machine.busy,
    steal: machine.steal,
    total: machine.total,
    ownTree: treeTicks(procs, root),
    cores: machine.cores,
  };
}
