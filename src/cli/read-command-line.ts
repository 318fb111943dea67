import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
type WithHelp<O extends Options> = O & { help: { type: "boolean"; short: "h" } };

export type CommandLine<O extends Options> =
  | { exitCode: number }
  | {
      exitCode?: undefined;
      values: ReturnType<typeof parseArgs<{ options: WithHelp<O>; strict: true; allowPositionals: true }>>["values"];
      positionals: string[];
    };

/**
 * Strict flag parsing shared by the scripts: `--help`/`-h` prints the usage
 * (exit 0); an unknown or malformed flag, or an argument where none is
 * expected, prints the error and the usage (exit 2).
 */
export function readCommandLine<const O extends Options>(
  options: O,
  usage: string,
  { positionals = false, argv = process.argv.slice(2) }: { positionals?: boolean; argv?: string[] } = {},
): CommandLine<O> {
  const config = {
    args: argv,
    options: { ...options, help: { type: "boolean", short: "h" } } as WithHelp<O>,
    strict: true as const,
    allowPositionals: true as const,
  };
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return { exitCode: 2 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return { exitCode: 0 };
  }
  if (!positionals && parsed.positionals.length > 0) {
    console.error(`Unexpected argument "${parsed.positionals[0]}"\n\n${usage}`);
    return { exitCode: 2 };
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
