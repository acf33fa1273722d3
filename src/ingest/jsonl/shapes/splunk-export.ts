// Splunk search export (`splunk search -output json`, REST `/export?output_mode=json`): one
// `{"preview": false, "result": {...}}` per line; values are strings or lists (multivalue).
import type { Event } from '../../../core/index.ts';
import { addFieldValue } from '../../model/add-field-value.ts';
import { flatRecordToEvent } from '../../model/flat-record.ts';
import { addJsonField, isJsonObject, jsonScalarText } from '../../model/json-fields.ts';
import { INGEST_CODES } from '../../problem-codes.ts';
import { addRawWindowsXmlFields } from '../../xml/raw-windows-xml.ts';
import type { JsonShape } from '../json-shape.ts';

export const splunkExportShape: JsonShape = {
  name: 'splunk-export',
  description: 'Splunk search export: `{"result": {...}}` per line (lists are multivalue fields)',
  matches: (record) =>
    isJsonObject(record['result']) ||
    ('preview' in record && ('messages' in record || 'lastrow' in record)),
  toEvent: (record, context) => {
    const result = record['result'];
    if (!isJsonObject(result)) {
      const messages = JSON.stringify(record['messages'] ?? null).slice(0, 200);
      context.skip(
        INGEST_CODES.jsonSplunkMessage,
        `Splunk export line without a result: ${messages}`,
      );
      return undefined;
    }
    if (record['preview'] === true) {
      context.skip(
        INGEST_CODES.jsonSplunkMessage,
        'Splunk export preview result (superseded by the final results)',
      );
      return undefined;
    }
    const event: Event = {};
    for (const name of Object.keys(result)) {
      const value = result[name];
      if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
        for (const item of value) {
          const text = jsonScalarText(item);
          if (text !== undefined) addFieldValue(event, name, text);
        }
      } else if (value !== undefined) {
        addJsonField(event, name, value);
      }
    }
    const raw = event['_raw'];
    // An export often holds only `_raw` and the metadata: the XML gives the event's fields.
    if (typeof raw === 'string') addRawWindowsXmlFields(event, raw);
    return flatRecordToEvent(event, 'flat', context);
  },
};
