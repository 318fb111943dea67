import { Worker } from "node:worker_threads";

/**
 * Calls `exportName(...args)` from the TypeScript module `module` on a worker
 * thread and resolves to what it returns (structured-cloned). The build's
 * pure, CPU-bound steps run this way on the machine's other cores.
 *
 * A worker does not inherit tsx's loader hooks on Node 20, so the worker
 * loads the module through tsx's API; this works the same under the tsx CLI
 * and under vitest.
 */
export function runInWorker<Output>(module: URL, exportName: string, args: readonly unknown[]): Promise<Output> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(${JSON.stringify(TSX_API)})
      .then((tsx) => tsx.tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}))
      .then((loaded) => loaded[${JSON.stringify(exportName)}](...workerData))
      .then((result) => parentPort.postMessage(result));
  `;
  return new Promise<Output>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: args, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    let settled = false;
    worker.once("message", (result: Output) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`worker for ${exportName} in ${module.pathname} exited with code ${code} before answering`));
    });
  });
}

const TSX_API = import.meta.resolve("tsx/esm/api");

/**
 * The steps run here allocate millions of short-lived objects (terms, segments); with V8's default
 * young generation for a worker, the related-paper update spent a quarter of its time collecting them.
 */
const YOUNG_GENERATION_MB = 96;

/** Splits `items` into at most `count` runs of near-equal length, in order. */
export function splitEvenly<T>(items: readonly T[], count: number): T[][] {
  const runs = Math.max(1, Math.min(count, items.length));
  const size = Math.ceil(items.length / runs);
  return Array.from({ length: runs }, (_, index) => items.slice(index * size, (index + 1) * size)).filter((run) => run.length > 0);
}
