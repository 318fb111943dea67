import type { DigestProblem } from "../model/types.ts";
import { formatProblems } from "./read-digests.ts";

/** A build that cannot go on because of its input: carries every problem found. */
export class BuildError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly DigestProblem[] = [],
  ) {
    super(problems.length ? `${summary}\n${formatProblems(problems)}` : summary);
    this.name = "BuildError";
  }
}
