// CIM Change_Analysis (CIM 4.20, Splunk_SA_CIM; deprecated in favour of Change, still searched by old content).
import { numberOr, orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const CHANGE_ANALYSIS = dataModel('Change_Analysis', [
  dataset('All_Changes', {
    constraint: 'tag=change',
    fields:
      'dest_bunit dest_category dest_priority src_bunit src_category src_priority tag user_bunit user_category user_priority',
    calculated: {
      change_type: orUnknown('change_type'),
      command:
        'if(isnull(command) OR command="", "unknown", if(sourcetype=="audittrail", Operation." ".ObjectName, command))',
      dest: orUnknown('dest'),
      dvc: orUnknown('dvc'),
      object: orUnknown('object'),
      object_attrs: orUnknown('object_attrs'),
      object_category: orUnknown('object_category'),
      object_id: orUnknown('object_id'),
      object_path: orUnknown('object_path'),
      status: orUnknown('status'),
      result:
        'case(isnotnull(result) AND result!="", result, isnotnull(signature) AND signature!="", signature, true(), "unknown")',
      result_id:
        'case(isnotnull(result_id) AND result_id!="", result_id, isnotnull(signature_id) AND signature_id!="", signature_id, true(), -1)',
      src: orUnknown('src'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
      action: orUnknown('action'),
    },
    children: [
      dataset('Auditing_Changes', {
        constraint: 'tag=audit',
      }),
      dataset('Endpoint_Changes', {
        constraint: 'tag=endpoint',
        children: [
          dataset('Filesystem_Changes', {
            constraint: '(object_category=file OR object_category=directory)',
            calculated: {
              file_access_time:
                'if(isnull(file_access_time) OR file_access_time="", 0, file_access_time)',
              file_create_time:
                'if(isnull(file_create_time) OR file_create_time="", 0, file_create_time)',
              file_hash: orUnknown('file_hash'),
              file_modify_time:
                'if(isnull(file_modify_time) OR file_modify_time="", 0, file_modify_time)',
              file_name: orUnknown('file_name'),
              file_path: orUnknown('file_path'),
              file_acl: orUnknown('file_acl'),
              file_size: numberOr('file_size', 'null()'),
            },
          }),
          dataset('Registry_Changes', {
            constraint: 'object_category=registry',
          }),
          dataset('Endpoint_Restarts', {
            constraint: 'action=modified change_type=restart',
          }),
          dataset('Other_Endpoint_Changes', {
            constraint:
              'NOT (object_category=file OR object_category=directory OR object_category=registry OR change_type=restart)',
          }),
        ],
      }),
      dataset('Network_Changes', {
        constraint: 'tag=network',
        children: [
          dataset('Device_Restarts', {
            constraint: 'action=modified change_type=restart',
          }),
        ],
      }),
      dataset('Account_Management', {
        constraint: 'tag=account',
        fields: 'src_user_bunit src_user_category src_user_priority',
        calculated: {
          dest_nt_domain: orUnknown('dest_nt_domain'),
          src_nt_domain: orUnknown('src_nt_domain'),
          src_user: orUnknown('src_user'),
        },
        children: [
          dataset('Accounts_Created', {
            constraint: 'action="created"',
          }),
          dataset('Accounts_Deleted', {
            constraint: 'action="deleted"',
          }),
          dataset('Account_Lockouts', {
            constraint: 'result="lockout"',
          }),
          dataset('Accounts_Updated', {
            constraint: 'action="updated" OR action="modified"',
          }),
        ],
      }),
    ],
  }),
]);
