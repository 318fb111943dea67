/**
 * One day of the Hugging Face daily papers API over HTTP: a timeout on every
 * request, retries with exponential backoff for what may pass (timeouts,
 * network errors, 429 and 5xx), none for what will not (other 4xx).
 */
export const DEFAULT_API = "https://huggingface.co/api/daily_papers";

export interface FetchPolicy {
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each one after. */
  backoffMs: number;
}

export const DEFAULT_POLICY: FetchPolicy = { timeoutMs: 30_000, retries: 3, backoffMs: 2_000 };

export type DayResponse = { ok: true; url: string; body: string } | { ok: false; url: string; message: string };

export interface FetchDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** One line per retry, so a slow run says why it is slow. */
  log?: (line: string) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function dayUrl(api: string, date: string): string {
  const url = new URL(api);
  url.searchParams.set("date", date);
  return url.href;
}

export async function fetchDay(api: string, date: string, policy: FetchPolicy, deps: FetchDeps = {}): Promise<DayResponse> {
  const url = dayUrl(api, date);
  const get = deps.fetch ?? fetch;
  const wait = deps.sleep ?? sleep;
  let last = "";
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) {
      const delay = policy.backoffMs * 2 ** (attempt - 1);
      deps.log?.(`${url}: ${last}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${policy.retries + 1})`);
      await wait(delay);
    }
    let response: Response;
    try {
      response = await get(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      const name = (error as Error).name;
      last =
        name === "TimeoutError" || name === "AbortError"
          ? `no answer within ${policy.timeoutMs / 1000} s`
          : `cannot connect (${describeNetworkError(error)})`;
      continue;
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      last = `the answer broke off (${describeNetworkError(error)})`;
      continue;
    }
    if (response.ok) return { ok: true, url, body };
    last = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    if (response.status !== 429 && response.status < 500) return { ok: false, url, message: last };
  }
  return { ok: false, url, message: `${last} after ${policy.retries + 1} attempts` };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
