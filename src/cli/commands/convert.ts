// Placeholder until the convert command lands: says so and exits with the usage code.
import type { Command } from '../command';

export const command: Command = {
  summary: 'convert',
  usage: 'Usage: marginalia convert (coming with its issue)',
  async run() {
    process.stderr.write('marginalia convert: this command is not in this build yet\n');
    return 2;
  },
};
