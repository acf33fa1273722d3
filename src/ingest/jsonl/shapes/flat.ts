// Flat objects, one field per key: OTRF/Mordor (NXLog) and any other flat JSON lines.
import { flatRecordToEvent } from '../../model/flat-record.ts';
import { flattenJsonObject } from '../../model/json-fields.ts';
import type { JsonShape } from '../json-shape.ts';

export const flatShape: JsonShape = {
  name: 'flat',
  description: 'flat objects (OTRF/Mordor, NXLog); nested values flattened as spath does',
  matches: () => true,
  toEvent: (record, context) => flatRecordToEvent(flattenJsonObject(record), 'flat', context),
};
