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
      .then((result) => {
        parentPort.postMessage({ answer: result });
        parentPort.postMessage({ finished: true });
      });
  `;
  const { answer } = answerThenFinish(startWorker(source, args), `${exportName} in ${module.pathname}`);
  return answer as Promise<Output>;
}

/** A worker thread started before its work: see prepareInWorker. */
export interface PreparedWorker {
  /**
   * Calls `exportName(prepared, ...args)` on the thread, where `prepared` is what the preparation returned;
   * once. Resolves to what it answers: when that is `answerFirst(answer, finishing)`, to `answer` at once,
   * while the thread goes on with `finishing` (see `finished`).
   */
  run<Output>(exportName: string, args: readonly unknown[]): Promise<Output>;
  /** Resolves when the thread has done all of its work, `finishing` included, and ended (at once, ending it, when `run` was not called); fails with the work. */
  finished(): Promise<void>;
  /** Ends the thread now: the build failed first, or did not need it. */
  stop(): void;
}

/** What work on a prepared worker returns to answer before it is done: `answer` goes back, `finishing` goes on. */
export interface AnswerFirst<Output> {
  answerFirst: Output;
  finishing: Promise<unknown>;
}

export const answerFirst = <Output>(answer: Output, finishing: Promise<unknown>): AnswerFirst<Output> => ({
  answerFirst: answer,
  finishing,
});

/**
 * Starts a worker thread that loads `module` and calls `prepareName(...args)`
 * at once, while this thread goes on with other stages; `run` later hands
 * what it returned, which stays on the worker, to the work. A failed
 * preparation fails the `run`.
 */
export function prepareInWorker(module: URL, prepareName: string, args: readonly unknown[]): PreparedWorker {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const loading = import(${JSON.stringify(TSX_API)})
      .then((tsx) => tsx.tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}));
    const preparing = loading.then((loaded) => loaded[${JSON.stringify(prepareName)}](...workerData));
    // Reported as the work's failure when the work comes.
    preparing.catch(() => {});
    parentPort.once("message", ({ exportName, args }) => {
      Promise.all([loading, preparing])
        .then(([loaded, prepared]) => loaded[exportName](prepared, ...args))
        .then(async (result) => {
          const early = result !== null && typeof result === "object" && "answerFirst" in result && result.finishing instanceof Promise;
          parentPort.postMessage({ answer: early ? result.answerFirst : result });
          // Sent, not thrown: a thread's error can overtake its last message, and so reject the answer it sent.
          const failure = early ? await result.finishing.then(() => undefined, (error) => ({ error })) : undefined;
          parentPort.postMessage(failure === undefined ? { finished: true } : { failedToFinish: true, error: failure.error });
        });
    });
  `;
  const worker = startWorker(source, args);
  const what = (exportName: string) => `${exportName} in ${module.pathname}`;
  let work: { answer: Promise<unknown>; finished: Promise<void> } | undefined;
  return {
    run<Output>(exportName: string, runArgs: readonly unknown[]) {
      if (work) throw new Error(`the worker prepared by ${prepareName} in ${module.pathname} has run already`);
      work = answerThenFinish(worker, what(exportName));
      // A caller that fails before waiting for the answer stops the thread, which rejects it: not left unhandled.
      work.answer.catch(() => {});
      worker.postMessage({ exportName, args: runArgs });
      return work.answer as Promise<Output>;
    },
    finished() {
      if (work) return work.finished;
      void worker.terminate();
      return Promise.resolve();
    },
    stop() {
      void worker.terminate();
    },
  };
}

/** A worker's two messages, its answer and then its end (after which it is ended); its error, or its exit before either, rejects what is pending. */
function answerThenFinish(worker: Worker, what: string): { answer: Promise<unknown>; finished: Promise<void> } {
  const answer = deferred<unknown>();
  const finished = deferred<void>();
  // A failure before the answer is the answer's to report; nobody need wait for the end as well.
  finished.promise.catch(() => {});
  let answered = false;
  let done = false;
  const fail = (error: unknown) => {
    if (!answered) answer.reject(error);
    finished.reject(error);
  };
  worker.on("message", (message: { answer?: unknown; finished?: true; failedToFinish?: true; error?: unknown }) => {
    if ("answer" in message) {
      answered = true;
      answer.resolve(message.answer);
    } else if (message.finished || message.failedToFinish) {
      done = true;
      // An Error crosses threads as one (structured clone); anything else thrown is named in one.
      if (message.failedToFinish) finished.reject(message.error instanceof Error ? message.error : new Error(String(message.error)));
      else finished.resolve();
      void worker.terminate();
    }
  });
  worker.once("error", fail);
  worker.once("exit", (code) => {
    if (!done) fail(new Error(`worker for ${what} exited with code ${code} before ${answered ? "finishing" : "answering"}`));
  });
  return { answer: answer.promise, finished: finished.promise };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

function startWorker(source: string, workerData: readonly unknown[]): Worker {
  const worker = new Worker(source, { eval: true, workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  // An error before anyone waits for an answer (a preparation no run asked for) is not left unhandled.
  worker.on("error", () => {});
  return worker;
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
