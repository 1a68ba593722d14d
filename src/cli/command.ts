// The shape of one `marginalia` subcommand, so main.ts can list, describe and run them uniformly.

/** One subcommand of the CLI. */
export interface Command {
  /** One line for `marginalia --help`. */
  summary: string;
  /** The full usage text for `marginalia CMD --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code (0 ok, 1 failure or invalid input, 2 usage). */
  run(args: string[]): Promise<number>;
}

/** Thrown for bad command-line use; main prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
