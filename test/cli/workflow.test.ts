import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../paths.ts";

const workflow = parse(fs.readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", "deploy.yml"), "utf8")) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> }; push: unknown };
  permissions: Record<string, string>;
  jobs: { build: { steps: { name?: string; run?: string; uses?: string; if?: string }[] }; deploy: { needs: string } };
};
const steps = workflow.jobs.build.steps;
const index = (predicate: (step: (typeof steps)[number]) => boolean) => steps.findIndex(predicate);

describe("the deploy workflow", () => {
  it("runs daily and by hand with a date range for a backfill", () => {
    expect(workflow.on.schedule).toHaveLength(1);
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(["from", "to"]);
  });

  it("does its work through npm run daily, then pushes, then deploys", () => {
    const daily = index((step) => step.run?.includes("npm run daily") === true);
    const push = index((step) => step.run?.includes("git push") === true);
    const upload = index((step) => step.uses?.startsWith("actions/upload-pages-artifact") === true);
    expect(daily).toBeGreaterThan(-1);
    expect(steps[daily]!.run).toContain('--from "$FROM"');
    expect(steps[daily]!.run).toContain("--no-fetch");
    expect(push).toBeGreaterThan(daily);
    expect(upload).toBeGreaterThan(push);
    expect(workflow.jobs.deploy.needs).toBe("build");
    // Steps run only while the previous ones succeeded: a failed fetch or build deploys nothing.
    for (const step of steps) expect(step.if ?? "").not.toMatch(/always\(\)|failure\(\)/);
  });

  it("may write the bot commit, and pushes it with the workflow's token (which starts no new run)", () => {
    expect(workflow.permissions.contents).toBe("write");
    expect(steps[index((step) => step.run?.includes("git push") === true)]!.run).not.toMatch(/PAT|secrets\./);
  });
});
