import fs from "node:fs";
import os from "node:os";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
}

export function describeMachine(): Machine {
  const meminfo = fs.existsSync("/proc/meminfo") ? fs.readFileSync("/proc/meminfo", "utf8") : "";
  const totalKb = Number(/^MemTotal:\s+(\d+) kB/m.exec(meminfo)?.[1] ?? os.totalmem() / 1024);
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((totalKb / 1024 / 1024) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

/** The 1-minute load average: on a shared machine, numbers taken under load are slower. */
export const loadAverage = () => os.loadavg()[0]!.toFixed(1);

/** Files under a folder, recursively. */
export function countFiles(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

export function folderBytes(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += fs.statSync(`${entry.parentPath}/${entry.name}`).size;
  }
  return total;
}
