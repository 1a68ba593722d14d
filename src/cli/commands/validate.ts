// Placeholder until the validate command lands: says so and exits with the usage code.
import type { Command } from '../command';

export const command: Command = {
  summary: 'validate',
  usage: 'Usage: marginalia validate (coming with its issue)',
  async run() {
    process.stderr.write('marginalia validate: this command is not in this build yet\n');
    return 2;
  },
};
