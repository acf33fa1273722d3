// Winlogbeat / Elastic Agent documents (ECS): `winlog.event_data.*`, `winlog.event_id`, ...
import { flatRecordToEvent } from '../../model/flat-record.ts';
import { flattenJsonObject, isJsonObject } from '../../model/json-fields.ts';
import type { JsonShape } from '../json-shape.ts';

export const ecsShape: JsonShape = {
  name: 'ecs',
  description: 'Winlogbeat/ECS documents with a `winlog` object',
  matches: (record) => isJsonObject(record['winlog']),
  toEvent: (record, context) => flatRecordToEvent(flattenJsonObject(record), 'ecs', context),
};
