// Deterministic hosts, accounts and processes for the content pack's generated telemetry.
import { mulberry32 as seededRandom } from '../../src/core/seeded-random.ts';
import type { Account, FileInfo, Host, Proc } from './xml-events.ts';

export class World {
  private readonly random: () => number;
  private nextPid = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
    this.nextPid = 2000 + Math.floor(this.random() * 6000);
  }

  hex(digits: number): string {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  host(computer: string, ip: string): Host {
    return {
      computer,
      ip,
      guidPrefix: this.hex(8),
      sysmonPid: this.int(2800, 3600),
      lsassPid: this.int(620, 780),
      nextSysmonRecord: this.int(180_000, 2_400_000),
      nextSecurityRecord: this.int(40_000, 900_000),
    };
  }

  account(
    name: string,
    rid: number,
    domainSid = 'S-1-5-21-3623811015-3361044348-30300820',
  ): Account {
    return {
      name,
      sid: rid < 1000 ? `S-1-5-${rid}` : `${domainSid}-${rid}`,
      logonGuid: `{${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}}`,
      logonId: `0x${this.int(0x100000, 0xfffffff).toString(16)}`,
    };
  }

  /** Sysmon process GUID: the host's prefix, then start-time and sequence groups. */
  processGuid(host: Host, ms: number): string {
    const seconds = Math.floor(ms / 1000);
    const time = (seconds >>> 0).toString(16).padStart(8, '0');
    return `{${host.guidPrefix}-${time.slice(0, 4)}-${time.slice(4)}-${this.hex(4)}-${this.hex(4)}00000000}`;
  }

  process(
    host: Host,
    ms: number,
    spec: {
      readonly image: string;
      readonly commandLine: string;
      readonly account: Account;
      readonly parent?: Proc | undefined;
      readonly currentDirectory?: string;
      readonly integrity?: Proc['integrity'];
      readonly fileInfo: FileInfo;
      readonly pid?: number;
      readonly terminalSession?: number;
    },
  ): Proc {
    this.nextPid += this.int(4, 400);
    return {
      guid: this.processGuid(host, ms),
      pid: spec.pid ?? this.nextPid,
      image: spec.image,
      commandLine: spec.commandLine,
      currentDirectory: spec.currentDirectory ?? 'C:\\Windows\\system32\\',
      account: spec.account,
      integrity: spec.integrity ?? 'Medium',
      fileInfo: spec.fileInfo,
      parent: spec.parent,
      terminalSession: spec.terminalSession ?? 1,
    };
  }

  sourcePort(): number {
    return this.int(49_700, 64_900);
  }
}
