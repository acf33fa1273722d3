// Splunk Enterprise Security's UEBA data model: anomalies and threats that Splunk UBA sends to ES.
import { dataModel, dataset } from '../model/data-model-spec.ts';

/**
 * ES does not publish this model's JSON; the fields are those ESCU's UEBA searches read, and the
 * constraints are spelunk's: events tagged `ueba`, their anomalies tagged `anomaly`, their
 * threats tagged `threat`. No built-in mapping feeds it (UBA data is not Windows telemetry).
 */
export const UEBA = dataModel('UEBA', [
  dataset('All_UEBA_Events', {
    constraint: 'tag=ueba',
    fields:
      'category description severity signature user src dest url link uba_event_type uba_event_id tag',
    children: [
      dataset('UEBA_Anomalies', { constraint: 'tag=anomaly', fields: 'uba_model' }),
      dataset('UEBA_Threats', { constraint: 'tag=threat', fields: 'threat_category' }),
    ],
  }),
]);
