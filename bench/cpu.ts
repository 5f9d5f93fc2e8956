import { readFileSync, readdirSync } from "node:fs";

/**
 * P7's answer to "where is the bottleneck" (bench/README.md): CPU time of named groups of processes
 * during a load, read from /proc/<pid>/stat (utime + stime) every `intervalMs`, and the whole
 * machine's busy time from /proc/stat — the machine is shared, so "machine" includes other people's
 * work. Linux only; elsewhere every figure reads 0.
 */
const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK)

/** utime + stime of a process in seconds, or null when it is gone. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name may hold spaces and parentheses: the fields start after the last ")"
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S; // fields 14 and 15 of proc(5)
  } catch {
    return null;
  }
}

/** Every descendant of `root` (a `next start` may run its server in child processes), itself included. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return [root];
  }
  for (const d of entries) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** Busy and total jiffies of the whole machine (all cores). */
function machineTicks(): { busy: number; total: number } {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.split(/\s+/).slice(1).map(Number) ?? [];
    const total = cpu.reduce((a, b) => a + b, 0);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export type CpuUse = {
  wallS: number;
  /** cores each group kept busy on average (CPU seconds / wall seconds) */
  cores: Record<string, number>;
  /** the whole machine's busy cores, everyone's work included */
  machineCores: number;
};

/**
 * Samples until stop(). `groups` is asked at every sample for its pids (postgres backends come and go
 * with the pools); a process counts from its first sample, so its CPU before that is not in the figure.
 */
export function sampleCpu(
  groups: () => Promise<Record<string, number[]>> | Record<string, number[]>,
  intervalMs = 250,
): { stop: () => Promise<CpuUse> } {
  const started = performance.now();
  const first = machineTicks();
  const last = new Map<number, number>(); // pid → cpu seconds at its previous sample
  const used: Record<string, number> = {};
  let running = true;
  const sample = async () => {
    const now = await groups();
    for (const [name, pids] of Object.entries(now)) {
      used[name] ??= 0;
      for (const pid of pids) {
        const s = cpuSecondsOf(pid);
        if (s === null) continue;
        const before = last.get(pid);
        if (before !== undefined) used[name] += s - before;
        last.set(pid, s);
      }
    }
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    await sample();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const wallS = (performance.now() - started) / 1000;
      const end = machineTicks();
      const cores = Object.fromEntries(Object.entries(used).map(([k, v]) => [k, v / wallS]));
      const total = end.total - first.total;
      const machineCores = total > 0 ? ((end.busy - first.busy) / total) * cpuCount() : 0;
      return { wallS, cores, machineCores };
    },
  };
}

function cpuCount(): number {
  try {
    return readFileSync("/proc/stat", "utf8")
      .split("\n")
      .filter((l) => /^cpu\d+ /.test(l)).length;
  } catch {
    return 0;
  }
}
