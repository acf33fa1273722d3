// CIM Intrusion_Detection (CIM 4.20, Splunk_SA_CIM): IDS_Attacks by IDS type.
import { orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const INTRUSION_DETECTION = dataModel('Intrusion_Detection', [
  dataset('IDS_Attacks', {
    constraint: 'tag=ids tag=attack',
    fields:
      'action dest_bunit dest_category dest_port dest_priority dvc_bunit dvc_category dvc_priority file_hash file_name file_path severity_id signature_id src_bunit src_category src_port src_priority transport tag user_bunit user_category user_priority',
    calculated: {
      dvc: orUnknown('dvc'),
      ids_type: orUnknown('ids_type'),
      category: orUnknown('category'),
      signature: orUnknown('signature'),
      severity: orUnknown('severity'),
      src: orUnknown('src'),
      dest: orUnknown('dest'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
    children: [
      dataset('Application_IDS_Attacks', {
        constraint: 'ids_type="application"',
      }),
      dataset('Host_IDS_Attacks', {
        constraint: 'ids_type="host"',
      }),
      dataset('Network_IDS_Attacks', {
        constraint: 'ids_type="network"',
      }),
    ],
  }),
]);
