/**
 * The commit `npm run daily` makes: the digests folder and the permalink
 * registry, nothing else, and only when one of them changed.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Who commits when the repository names nobody (as on a fresh CI runner). */
export const BOT_IDENTITY = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

export type CommitResult = { committed: true; commit: string } | { committed: false; reason: string };

export async function commitDigests(files: { digestsDir: string; registry: string }, message: string): Promise<CommitResult> {
  const digestsDir = path.resolve(files.digestsDir);
  const git = (args: string[]) => run("git", args, { cwd: digestsDir, maxBuffer: 16 * 1024 * 1024 });
  const root = (await git(["rev-parse", "--show-toplevel"])).stdout.trim();
  const inRepo = (file: string) => path.relative(root, path.resolve(file)) || ".";
  const paths = [inRepo(digestsDir), inRepo(files.registry)];
  await run("git", ["add", "--", ...paths], { cwd: root });
  try {
    await run("git", ["diff", "--cached", "--quiet", "--", ...paths], { cwd: root });
    return { committed: false, reason: "no digest or permalink changed" };
  } catch {
    // Something is staged: commit it.
  }
  const named = await run("git", ["config", "user.name"], { cwd: root }).then(
    () => true,
    () => false,
  );
  const identity = named ? [] : ["-c", `user.name=${BOT_IDENTITY.name}`, "-c", `user.email=${BOT_IDENTITY.email}`];
  // Only these paths: anything else staged by hand stays out of the bot's commit.
  await run("git", [...identity, "commit", "--quiet", "-m", message, "--", ...paths], { cwd: root });
  const commit = (await run("git", ["rev-parse", "HEAD"], { cwd: root })).stdout.trim();
  return { committed: true, commit };
}
