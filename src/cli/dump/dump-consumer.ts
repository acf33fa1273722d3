// `spelunk dump` as a consumer of the event pump: every event, printed as a JSON line or as its XML.
import type { SharedEvent } from '../../core/index.ts';
import type { EventConsumer, EventStage } from '../../engine/index.ts';
import { ALL_FIELDS, ROUTE_ANY } from '../../spl/index.ts';
import { eventJsonLine } from './event-json.ts';

export type DumpFormat = 'jsonl' | 'xml';

/**
 * Takes every event; with field knowledge (every field it computes) unless the fields are to be
 * shown as read. The text of each batch waits in `take()` for the command to write it, so output
 * backpressure holds the read back. An event that is not XML under `--format xml` ends the dump.
 */
export class DumpConsumer implements EventConsumer {
  readonly route = ROUTE_ANY;
  readonly stage: EventStage;
  readonly fields = ALL_FIELDS;
  readonly needsRaw: boolean;
  /** Each batch is printed before the next is read: nothing is held. */
  readonly holdsEvents = false;
  /** Set when an event cannot be printed in the format asked for. */
  notXml = false;
  private text = '';
  private readonly format: DumpFormat;
  private readonly raw: boolean;
  private readonly signal: AbortSignal | undefined;

  constructor(
    format: DumpFormat,
    options: { raw: boolean; withKnowledge: boolean; signal?: AbortSignal },
  ) {
    this.format = format;
    this.raw = options.raw;
    this.signal = options.signal;
    this.stage = format === 'jsonl' && options.withKnowledge ? 'with-knowledge' : 'as-read';
    this.needsRaw = options.raw || format === 'xml';
  }

  get done(): boolean {
    return this.notXml || this.signal?.aborted === true;
  }

  push(events: readonly SharedEvent[]): void {
    let text = '';
    for (const event of events) {
      if (this.format === 'jsonl') {
        text += `${eventJsonLine(event, this.raw)}\n`;
        continue;
      }
      const raw = event['_raw'];
      if (typeof raw !== 'string' || !raw.startsWith('<')) {
        this.notXml = true;
        return;
      }
      text += `${raw}\n`;
    }
    this.text += text;
  }

  finish(): void {}

  /** The text printed since the last call. */
  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}
