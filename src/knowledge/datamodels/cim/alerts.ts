// CIM Alerts (CIM 4.20, Splunk_SA_CIM): alerts raised by other products.
import { orUnknown } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const ALERTS = dataModel('Alerts', [
  dataset('Alerts', {
    constraint: 'tag=alert',
    fields:
      'body description dest_bunit dest_category dest_priority dest_type id mitre_technique_id severity_id signature src_bunit src_category src_priority src_type subject tag user_bunit user_category user_priority vendor_account vendor_region',
    calculated: {
      app: 'if(isnull(app) OR app="", sourcetype, app)',
      dest: orUnknown('dest'),
      severity: orUnknown('severity'),
      signature_id: orUnknown('signature_id'),
      src: orUnknown('src'),
      type: orUnknown('type'),
      user: orUnknown('user'),
      user_name: orUnknown('user_name'),
    },
  }),
]);
