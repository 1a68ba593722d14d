// Placeholder until the suggest command lands: says so and exits with the usage code.
import type { Command } from '../command';

export const command: Command = {
  summary: 'suggest',
  usage: 'Usage: marginalia suggest (coming with its issue)',
  async run() {
    process.stderr.write('marginalia suggest: this command is not in this build yet\n');
    return 2;
  },
};
