// Helpers of the Sigma stream's in-process tests: rules, workspaces, Sysmon process events, a
// commit of them, a runtime that collects what is written, a matcher port that can fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import { openWorkspace, type Workspace } from '../../../src/engine/index.ts';
import { detectConfigSchema } from '../../../src/server/config/detect-config-schema.ts';
import type { DetectRuntime } from '../../../src/server/detect/detect-runtime.ts';
import type { RunOutput } from '../../../src/server/detect/output/live-finding.ts';
import { savedSearchesOf } from '../../../src/server/detect/saved-searches.ts';
import { InProcessMatcherPort } from '../../../src/server/detect/stream/sigma-match-ports.ts';
import type {
  MatcherReply,
  MatcherRequest,
  SigmaMatcherPort,
} from '../../../src/server/detect/stream/sigma-match-protocol.ts';
import type { EncodedEvents } from '../../../src/server/store/encoded-events.ts';
import { encodeEvents } from '../../../src/server/store/event-encoder.ts';
import type { CommittedEvents } from '../../../src/server/store/event-store.ts';
import { streamStoreFake } from './stream-store-fake.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-sigma-stream-'));
after(() => rmSync(root, { recursive: true, force: true }));

export function rule(title: string, needle: string): string {
  return `title: ${title}
id: 5e1f0c2a-0000-4000-8000-${String(title.length).padStart(12, '0')}
status: test
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: ${needle}
  condition: selection
level: high
`;
}

export function workspaceOf(name: string, text: string): Workspace {
  const file = path.join(root, `${name}.yml`);
  writeFileSync(file, text);
  return openWorkspace({
    content: [],
    sigma: [file],
    sigmaCacheDir: null,
    without: ['data-models'],
  });
}

export function processEvent(commandLine: string, index = 'wineventlog'): Event {
  return {
    _time: 1_714_550_400,
    index,
    host: 'ws1',
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'XmlWinEventLog',
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    EventCode: '1',
    Computer: 'ws1',
    Image: 'C:\\Windows\\System32\\cmd.exe',
    CommandLine: commandLine,
    User: 'CORP\\alice',
  };
}

export function committed(events: readonly Event[]): CommittedEvents {
  return {
    count: events.length,
    rows: [],
    events: () => events,
    encoded: (keep) => [encodeEvents(events.filter((e) => keep(String(e['index']))))],
    eventsOf: (keep) => events.filter((e) => keep(String(e['index']))),
    hasIndex: (index) => events.some((e) => e['index'] === index),
  };
}

export function runtimeOf(
  workspace: () => Workspace,
  written: RunOutput[],
  log: string[],
): DetectRuntime {
  const config = detectConfigSchema.parse({});
  return {
    store: streamStoreFake,
    writer: {
      commit: async (output: RunOutput) => {
        written.push(output);
      },
    },
    clock: { now: () => 1_714_550_400 },
    config,
    searches: () => savedSearchesOf(workspace(), config),
    workspace,
    disabled: async () => new Set(),
    runSearch: async () => {},
    searchDeps: { indexes: () => ['wineventlog'] },
    maxResultRows: 1000,
    log: (line: string) => log.push(line),
  } as unknown as DetectRuntime;
}

/** An in-process matcher that can be made to fail, or to hold its replies. */
export class FlakyPort implements SigmaMatcherPort {
  static started: FlakyPort[] = [];
  /** New ports hold their match replies from the start. */
  static holdNew = false;
  readonly inner = new InProcessMatcherPort();
  readonly posted: MatcherRequest[] = [];
  private readonly failures: ((error: Error) => void)[] = [];
  holding = FlakyPort.holdNew;
  private readonly held: MatcherReply[] = [];
  private listener: ((reply: MatcherReply) => void) | undefined;

  constructor() {
    FlakyPort.started.push(this);
    this.inner.onReply((reply) => {
      if (this.holding && reply.kind === 'matched') this.held.push(reply);
      else this.listener?.(reply);
    });
  }
  post(request: MatcherRequest): void {
    this.posted.push(request);
    this.inner.post(request);
  }
  onReply(listener: (reply: MatcherReply) => void): void {
    this.listener = listener;
  }
  onFailure(listener: (error: Error) => void): void {
    this.failures.push(listener);
  }
  release(): void {
    this.holding = false;
    for (const reply of this.held.splice(0)) this.listener?.(reply);
  }
  /** Dies with what it holds unanswered. */
  crash(): void {
    this.held.length = 0;
    void this.inner.close();
    for (const listener of this.failures) listener(new Error('killed'));
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A commit of batches already encoded (HEC's), as the store reports it. */
export function committedEncoded(batches: readonly EncodedEvents[]): CommittedEvents {
  const count = batches.reduce((n, b) => n + b.count, 0);
  return {
    count,
    rows: [],
    events: () => {
      throw new Error('the stream must not decode committed batches on this thread');
    },
    encoded: () => batches,
    eventsOf: () => [],
    hasIndex: (index) => batches.some((b) => b.indexNames.includes(index)),
  };
}
