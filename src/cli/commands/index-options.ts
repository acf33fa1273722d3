// The options of commands that reach an index: a running server (`--server URL` with
// credentials) or a data directory no server holds (`--data DIR`).
import { Option } from 'commander';
import { SpelunkClient } from '../../server/index.ts';

export interface IndexCliOptions {
  readonly server?: string;
  readonly data?: string;
  readonly user: string;
  readonly password?: string;
  readonly insecure?: boolean;
}

export function indexOptions(): Option[] {
  return [
    new Option(
      '--server <url>',
      'a running spelunk server (its REST port), e.g. http://127.0.0.1:8089',
    ),
    new Option('--data <dir>', 'a data directory no server holds (spelunk serve --data)'),
    new Option('--user <name>', 'user for --server').default('admin'),
    new Option('--password <password>', 'password for --server (default: $SPELUNK_PASSWORD)'),
    new Option('--insecure', 'with --server over https: accept a certificate that does not verify'),
  ];
}

/**
 * What the options name: a client of the server (`--server`, with the password of `--password` or
 * $SPELUNK_PASSWORD), the data directory (`--data`, else undefined), or the usage error to print.
 */
export function indexTarget(
  options: IndexCliOptions,
): { client: SpelunkClient } | { data: string | undefined } | { usage: string } {
  if (options.server !== undefined && options.data !== undefined) {
    return { usage: 'give --server or --data, not both' };
  }
  if (options.server === undefined) return { data: options.data };
  const password = options.password ?? process.env['SPELUNK_PASSWORD'];
  if (password === undefined)
    return { usage: '--server needs a password: --password or $SPELUNK_PASSWORD' };
  try {
    const insecure = options.insecure === true;
    return {
      client: new SpelunkClient({ url: options.server, user: options.user, password, insecure }),
    };
  } catch (error) {
    return { usage: (error as Error).message };
  }
}
