// Entry of the `marginalia` command: dispatches to the subcommands and owns exit codes 0 / 1 / 2.

import { UsageError, type Command } from './command';

/** Every subcommand, loaded only when run so that `--help` stays instant. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start')).command,
  serve: async () => (await import('./commands/serve')).command,
  validate: async () => (await import('./commands/validate')).command,
  convert: async () => (await import('./commands/convert')).command,
  agreement: async () => (await import('./commands/agreement')).command,
  merge: async () => (await import('./commands/merge')).command,
  suggest: async () => (await import('./commands/suggest')).command,
};

/** One-line summaries for the top-level help; kept here so `--help` imports nothing. */
const SUMMARIES: Record<keyof typeof COMMANDS & string, string> = {
  start: 'open the desktop app (or the browser mode where Electron cannot run)',
  serve: 'serve the workbench in a browser: --corpus DIR [--port N] [--no-open]',
  validate: 'check native JSONL files: schema, offsets, ids, relations',
  convert: 'convert between native JSONL and spacy, hf, doccano, label-studio, brat, conll',
  agreement: "inter-annotator agreement of several annotators' exports",
  merge: 'merge several exports into one adjudicated gold file',
  suggest: 'print figure suggestions for text files as native JSONL',
};

const HELP = `marginalia: annotate claims, figures and entities; export code-point-exact JSONL

Usage: marginalia <command> [options]

Commands:
${Object.entries(SUMMARIES)
  .map(([name, s]) => `  ${name.padEnd(10)} ${s}`)
  .join('\n')}

Run 'marginalia <command> --help' for a command's options.
`;

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const pkg = await import('../../package.json', { with: { type: 'json' } });
    process.stdout.write(`${pkg.default.version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`marginalia: unknown command '${name}'\n\n${HELP}`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`marginalia ${name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`marginalia ${name}: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
