// `spelunk hash-password`: reads a password on stdin and prints its scrypt hash, for `users:` in
// the server config.
import type { Command } from 'commander';
import { hashPassword } from '../../server/index.ts';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import type { CliCommand } from './index.ts';

export const hashPasswordCommand: CliCommand = {
  register(program: Command) {
    program
      .command('hash-password')
      .description(
        'Read a password on stdin and print its scrypt hash (for users: in the server config)',
      )
      .action(async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        process.exitCode = await runHashPassword(
          Buffer.concat(chunks).toString('utf8'),
          (t) => process.stdout.write(t),
          (t) => process.stderr.write(t),
        );
      });
  },
};

export async function runHashPassword(
  input: string,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const password = input.replace(/\r?\n$/, '');
  if (password === '') {
    err('error: give the password on stdin: echo -n "$PASSWORD" | spelunk hash-password\n');
    return EXIT_USAGE;
  }
  out(`${await hashPassword(password)}\n`);
  return EXIT_OK;
}
