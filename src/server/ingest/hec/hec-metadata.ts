// The metadata an HEC event ends with (index, host, source, sourcetype, `_time`): from the
// envelope, the request, the event itself, the token, or Splunk's defaults.
import type { Event } from '../../../core/index.ts';
import { DEFAULT_WINDOWS_INDEX, WINDOWS_SOURCETYPE } from '../../../ingest/index.ts';

/** Metadata an event may take from the request (query parameters) or the token. */
export interface HecMetadata {
  readonly index?: string;
  readonly host?: string;
  readonly source?: string;
  readonly sourcetype?: string;
}

export interface HecEventContext {
  /** The request's query parameters: after the envelope's own metadata. */
  readonly request: HecMetadata;
  /** The token's defaults: after what the event itself says (a Windows event's source). */
  readonly token: HecMetadata;
  /** `source` when nothing names one: `http:<token name>`, as Splunk names it. */
  readonly defaultSource: string;
  /** `host` when nothing names one: this server's name, as Splunk's HEC input does. */
  readonly defaultHost: string;
  /** Receipt time: `_time` of events that carry none. */
  readonly now: number;
  /** Throws HecError code 7 when the index does not exist or the token may not write it. */
  checkIndex(index: string, position: number): void;
  /**
   * Data stored but changed from what was sent (a key given twice, a number a double cannot
   * hold: the readers' ING208/ING209): HEC has no warning in its reply, so the server logs it.
   */
  warn?(message: string): void;
}

/** The sourcetype Splunk's HEC gives events that name none. */
export const HEC_SOURCETYPE = 'httpevent';
/** Splunk's default index for data that names none. */
export const DEFAULT_INDEX = 'main';

/**
 * The JSON reader fills in Splunk's defaults for a monitored file (`index`, host `unknown`, the
 * file as source, its default sourcetype); over HEC, the request and token decide those instead.
 */
export function dropFileDefaults(event: Event, defaultSource: string, defaultSourcetype: string) {
  delete event['index'];
  if (event['host'] === 'unknown' || event['host'] === '') delete event['host'];
  if (event['source'] === defaultSource || event['source'] === '') delete event['source'];
  if (event['sourcetype'] === defaultSourcetype || event['sourcetype'] === '')
    delete event['sourcetype'];
}

/**
 * Metadata precedence: the envelope, the request's query parameters, what the event itself gives
 * (a Windows event's `XmlWinEventLog:<Channel>` source, its Computer as host), the token's
 * defaults, then Splunk's defaults. Windows data goes to `wineventlog` unless an index is named.
 */
export function completeHecEvent(
  event: Event,
  envelope: HecMetadata,
  time: number | undefined,
  position: number,
  context: HecEventContext,
): Event {
  const own = (key: string): string | undefined => {
    const value = event[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const pick = (key: keyof HecMetadata): string | undefined =>
    envelope[key] ?? context.request[key] ?? own(key) ?? context.token[key];
  const sourcetype = pick('sourcetype') ?? HEC_SOURCETYPE;
  const windows = sourcetype.startsWith(WINDOWS_SOURCETYPE) || own('Channel') !== undefined;
  const index = pick('index') ?? (windows ? DEFAULT_WINDOWS_INDEX : DEFAULT_INDEX);
  context.checkIndex(index, position);
  event['_time'] = time ?? (typeof event['_time'] === 'number' ? event['_time'] : context.now);
  event['index'] = index;
  event['host'] = pick('host') ?? context.defaultHost;
  event['source'] = pick('source') ?? context.defaultSource;
  event['sourcetype'] = sourcetype;
  return event;
}
