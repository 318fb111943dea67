import type { z } from "zod";

/** A failed check's issues on one line, each as its path and message: for an error that names the file. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
