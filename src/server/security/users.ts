// Who may log in: the users of the config file, and `admin`, whose password comes from
// --password / SPELUNK_PASSWORD or, on a first start without one, is generated, printed once and
// kept (hashed) in the store. Basic-auth checks are cached by a hash of the credentials, so a
// client sending Basic auth on every request does not pay an scrypt each time.
import { createHash } from 'node:crypto';
import type { EventStore } from '../store/event-store.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';

export const ADMIN_USER = 'admin';
const ADMIN_HASH_SETTING = 'auth.admin-password';
const CACHE_SECONDS = 300;
const MAX_CACHED = 1000;

export interface UserSetup {
  /** The admin password given on the command line or in the environment. */
  readonly adminPassword?: string;
  /** Config users: name → scrypt hash. */
  readonly configured: ReadonlyMap<string, string>;
}

export class UserTable {
  private readonly hashes: ReadonlyMap<string, string>;
  private readonly verified = new Map<string, number>();

  private constructor(hashes: ReadonlyMap<string, string>) {
    this.hashes = hashes;
  }

  /** The table, and the admin password when it was generated now (to print once). */
  static async open(
    store: EventStore,
    setup: UserSetup,
  ): Promise<{ users: UserTable; generatedPassword?: string }> {
    const hashes = new Map(setup.configured);
    let generatedPassword: string | undefined;
    if (!hashes.has(ADMIN_USER)) {
      if (setup.adminPassword !== undefined) {
        hashes.set(ADMIN_USER, await hashPassword(setup.adminPassword));
      } else {
        let stored = await store.setting(ADMIN_HASH_SETTING);
        if (stored === undefined) {
          const password = generatePassword();
          stored = await store.initSetting(ADMIN_HASH_SETTING, await hashPassword(password));
          generatedPassword = password;
        }
        hashes.set(ADMIN_USER, stored);
      }
    }
    return {
      users: new UserTable(hashes),
      ...(generatedPassword === undefined ? {} : { generatedPassword }),
    };
  }

  has(name: string): boolean {
    return this.hashes.has(name);
  }

  async check(name: string, password: string): Promise<boolean> {
    const hash = this.hashes.get(name);
    if (hash === undefined) {
      // The same work for an unknown user, so timing does not tell which names exist.
      await hashPassword(password);
      return false;
    }
    const key = createHash('sha256').update(`${name}\u0000${password}\u0000${hash}`).digest('hex');
    const now = Date.now() / 1000;
    const until = this.verified.get(key);
    if (until !== undefined && until > now) return true;
    if (!(await verifyPassword(password, hash))) return false;
    if (this.verified.size >= MAX_CACHED) this.verified.clear();
    this.verified.set(key, now + CACHE_SECONDS);
    return true;
  }
}
