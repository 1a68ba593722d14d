// Placeholder until the merge command lands: says so and exits with the usage code.
import type { Command } from '../command';

export const command: Command = {
  summary: 'merge',
  usage: 'Usage: marginalia merge (coming with its issue)',
  async run() {
    process.stderr.write('marginalia merge: this command is not in this build yet\n');
    return 2;
  },
};
