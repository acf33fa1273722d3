// The options of commands that reach an index: a running server (`--server URL` with
// credentials) or a data directory no server holds (`--data DIR`).
import { Option } from 'commander';

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

/** The password for --server: the option, else $SPELUNK_PASSWORD. */
export function serverPassword(options: IndexCliOptions): string | undefined {
  return options.password ?? process.env['SPELUNK_PASSWORD'];
}
