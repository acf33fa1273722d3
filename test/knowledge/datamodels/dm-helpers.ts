// Test helper: Windows events the tests write, the built-in field knowledge applied, projected onto a dataset.
import type { Event } from '../../../src/core/event.ts';
import { createKnowledgeApplier } from '../../../src/knowledge/apply/field-knowledge.ts';
import { loadDataModels } from '../../../src/knowledge/datamodels/load/load-data-models.ts';
import { loadFieldKnowledge } from '../../../src/knowledge/load-field-knowledge.ts';
import type {
  DataModelDataset,
  DatasetNaming,
} from '../../../src/spl/operators/tstats-data-model.ts';

const knowledge = loadFieldKnowledge({}).base;
const builtin = loadDataModels();
if (builtin.diagnostics.length > 0) {
  throw new Error(builtin.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
}
export const BUILTIN_DATA_MODELS = builtin.dataModels;

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

/** An event as the XML reader gives it: System values, Data items, Splunk metadata. */
export function windowsEvent(channel: string, code: number, data: Event): Event {
  return {
    _time: 1_741_946_537.25,
    index: 'wineventlog',
    host: 'ws-17.corp.example',
    source: `XmlWinEventLog:${channel}`,
    sourcetype: 'XmlWinEventLog',
    Channel: channel,
    Computer: 'ws-17.corp.example',
    EventID: String(code),
    EventCode: String(code),
    UserID: 'S-1-5-18',
    ...data,
  };
}

export function sysmonEvent(code: number, data: Event): Event {
  return windowsEvent(SYSMON, code, data);
}

export function securityEvent(code: number, data: Event): Event {
  return windowsEvent('Security', code, data);
}

/** The event with every field of the built-in knowledge computed (a copy). */
export function withKnowledge(event: Event): Event {
  const copy = { ...event };
  createKnowledgeApplier(knowledge, 'all').apply([copy]);
  return copy;
}

export function datasetOf(reference: string): DataModelDataset {
  const resolved = BUILTIN_DATA_MODELS.resolve(reference);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.dataset;
}

/** The event's row in the dataset (knowledge applied first), or undefined when it is not in it. */
export function projected(
  reference: string,
  event: Event,
  fields: readonly string[] | 'all' = 'all',
  naming: DatasetNaming = 'prefixed',
): Event | undefined {
  const wanted = fields === 'all' ? 'all' : new Set(fields);
  return datasetOf(reference).project(wanted, naming).project(withKnowledge(event));
}
