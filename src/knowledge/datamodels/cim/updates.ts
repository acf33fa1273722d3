// CIM Updates (CIM 4.20, Splunk_SA_CIM): patch status and update errors.
import { orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const UPDATES = dataModel('Updates', [
  dataset('Updates', {
    constraint: 'tag=update tag=status',
    fields:
      'dest_bunit dest_category dest_priority dest_should_update dvc file_name file_hash severity severity_id tag',
    calculated: {
      dest: orUnknown('dest'),
      signature:
        'case(isnotnull(signature) AND signature!="", signature, isnotnull(signature_id) AND signature_id!="" AND signature_id!="unknown", signature_id, true(), "unknown")',
      signature_id:
        'case(isnotnull(signature_id) AND signature_id!="", signature_id, isnotnull(signature) AND signature!="" AND signature!="unknown", signature, true(), "unknown")',
      status: orUnknown('status'),
      vendor_product: VENDOR_PRODUCT,
    },
    children: [
      dataset('Available_Updates', {
        constraint: 'status="available"',
      }),
      dataset('Installed_Updates', {
        constraint: 'status="installed"',
      }),
      dataset('Restart_Required_Updates', {
        constraint: 'status="restart_required"',
      }),
    ],
  }),
  dataset('Update_Errors', {
    constraint: 'tag=update tag=error',
  }),
]);
