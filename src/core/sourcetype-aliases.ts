// The sourcetype names an event answers to in a search: its own, plus the legacy per-channel
// names listed here (docs/event-model.md, "Sourcetype aliases").
import type { Event } from './event.ts';

/**
 * Events whose `sourcetype` is `sourcetype` and whose `source` starts with `sourcePrefix` also
 * answer to the legacy sourcetype equal to their `source`.
 *
 * Why: Splunk_TA_windows before 6.0.0 (and the Sysmon add-on's own inputs) indexed rendered-XML
 * events as `sourcetype=XmlWinEventLog:<Channel>`; from 6.0.0 it writes `sourcetype=XmlWinEventLog`
 * with `source=XmlWinEventLog:<Channel>`. Searches written for either generation exist: seed 000
 * filters on `sourcetype="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"`, ESCU's `sysmon`
 * macro ORs that with `source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational`. Events carry
 * the current convention; a search term on `sourcetype` consults this table so both select them.
 */
export interface SourcetypeAlias {
  readonly sourcetype: string;
  readonly sourcePrefix: string;
}

const SOURCETYPE_ALIASES: readonly SourcetypeAlias[] = [
  { sourcetype: 'XmlWinEventLog', sourcePrefix: 'XmlWinEventLog:' },
  // Classic (non-XML) Windows events follow the same rename: WinEventLog:Security → WinEventLog.
  { sourcetype: 'WinEventLog', sourcePrefix: 'WinEventLog:' },
];

/**
 * Every name a `sourcetype=<value>` search term may match for this event: the event's own
 * sourcetype first, then its legacy alias. Matching itself (case, wildcards) is the search
 * layer's: Splunk compares sourcetype values case-insensitively.
 */
export function sourcetypeNamesOf(event: Event): readonly string[] {
  const sourcetype = event['sourcetype'];
  const source = event['source'];
  if (typeof sourcetype !== 'string') return [];
  if (typeof source !== 'string') return [sourcetype];
  for (const alias of SOURCETYPE_ALIASES) {
    if (
      sourcetype.toLowerCase() === alias.sourcetype.toLowerCase() &&
      source.length > alias.sourcePrefix.length &&
      source.toLowerCase().startsWith(alias.sourcePrefix.toLowerCase())
    ) {
      return [sourcetype, source];
    }
  }
  return [sourcetype];
}

/**
 * The other way round, for a search compiler that rewrites terms instead of testing events:
 * `sourcetype=<legacy>` also selects events with this sourcetype and source. Undefined when the
 * name is not a legacy alias.
 */
export function expandLegacySourcetype(
  name: string,
): { readonly sourcetype: string; readonly source: string } | undefined {
  for (const alias of SOURCETYPE_ALIASES) {
    if (
      name.length > alias.sourcePrefix.length &&
      name.toLowerCase().startsWith(alias.sourcePrefix.toLowerCase())
    ) {
      return { sourcetype: alias.sourcetype, source: name };
    }
  }
  return undefined;
}
