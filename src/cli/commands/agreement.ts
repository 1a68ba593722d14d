// Placeholder until the agreement command lands: says so and exits with the usage code.
import type { Command } from '../command';

export const command: Command = {
  summary: 'agreement',
  usage: 'Usage: marginalia agreement (coming with its issue)',
  async run() {
    process.stderr.write('marginalia agreement: this command is not in this build yet\n');
    return 2;
  },
};
