/** Each build stage reports what it did, with counts and how long it took. */
export type Log = (line: string) => void;

export async function timed<T>(log: Log, stage: string, run: () => Promise<T>, describe: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  log(`[${stage}] ${describe(result)} in ${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`);
  return result;
}

/** "1 paper", "3 papers": counts in log lines read as English. */
export const count = (n: number, singular: string, plural = `${singular}s`) => `${n} ${n === 1 ? singular : plural}`;
