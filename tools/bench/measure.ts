import { spawn } from "node:child_process";
import fs from "node:fs";

/** The peak memory of one process of a measured tree. */
export interface ProcessPeak {
  pid: number;
  /** The executable's short name from /proc/<pid>/comm: node, pagefind_extended, ... */
  name: string;
  /** Peak resident set size (VmHWM), in kB. */
  peakKb: number;
}

export interface Measured {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  /** GNU time's "Maximum resident set size": the largest single process of the tree, in kB. */
  timeMaxRssKb?: number;
  /** Every process of the tree seen while polling /proc, with its peak. */
  processes: ProcessPeak[];
}

export const GNU_TIME = "/usr/bin/time";

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  pollMs?: number;
  /** Run under `/usr/bin/time -v` when it exists (default true). */
  useGnuTime?: boolean;
}

/** Children of each process, from one pass over /proc/<pid>/stat. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields[1]);
    const list = children.get(parent);
    if (list) list.push(Number(entry));
    else children.set(parent, [Number(entry)]);
  }
  return children;
}

function readPeak(pid: number): { name: string; peakKb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
    const peak = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return peak === undefined ? undefined : { name, peakKb: Number(peak) };
  } catch {
    return undefined;
  }
}

/**
 * Runs a command and measures it: wall time, and peak RSS of every process in
 * its tree (VmHWM polled from /proc every `pollMs`, 200 ms by default), plus
 * GNU time's maximum RSS when /usr/bin/time is there. A process living less
 * than one poll may be missed by the poll; GNU time's figure never misses one.
 */
export function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const withTime = (options.useGnuTime ?? true) && fs.existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ["-v", command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const peaks = new Map<number, ProcessPeak>();
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));

  const poll = () => {
    if (child.pid === undefined) return;
    const children = childrenByParent();
    const queue = withTime ? [...(children.get(child.pid) ?? [])] : [child.pid];
    while (queue.length) {
      const pid = queue.pop()!;
      const peak = readPeak(pid);
      if (peak) {
        const known = peaks.get(pid);
        if (!known || peak.peakKb > known.peakKb) peaks.set(pid, { pid, ...peak });
      }
      queue.push(...(children.get(pid) ?? []));
    }
  };
  const timer = setInterval(poll, options.pollMs ?? 200);
  let timedOut = false;
  const timeout = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, options.timeoutMs)
    : undefined;

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearInterval(timer);
      if (timeout) clearTimeout(timeout);
      const wallSeconds = (performance.now() - started) / 1000;
      const errText = Buffer.concat(stderr).toString("utf8");
      const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(errText)?.[1];
      // GNU time reports a killed child as "Command terminated by signal N" and exits non-zero.
      const killedBy = /Command terminated by signal (\d+)/.exec(errText)?.[1];
      const exitStatus = /Exit status: (\d+)/.exec(errText)?.[1];
      resolve({
        code: withTime && exitStatus !== undefined ? Number(exitStatus) : code,
        signal: killedBy ? `signal ${killedBy}` : signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: withTime ? errText.replace(/\n?\tCommand being timed:[\s\S]*$/, "") : errText,
        wallSeconds,
        ...(maxRss ? { timeMaxRssKb: Number(maxRss) } : {}),
        processes: [...peaks.values()],
      });
    });
  });
}

/** The largest peak among processes whose name matches. */
export function peakOf(processes: readonly ProcessPeak[], match: (name: string) => boolean): number | undefined {
  const matching = processes.filter((process) => match(process.name)).map((process) => process.peakKb);
  return matching.length ? Math.max(...matching) : undefined;
}

export const isPagefind = (name: string) => name.toLowerCase().includes("pagefind");
export const isNode = (name: string) => name === "node" || name.startsWith("node") || name === "MainThread";
