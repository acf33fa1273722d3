// CIM Change (CIM 4.20, Splunk_SA_CIM): All_Changes with auditing, endpoint, network, account and instance changes.
import { orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const CHANGE = dataModel('Change', [
  dataset('All_Changes', {
    // File and registry changes belong to Endpoint.Filesystem and Endpoint.Registry.
    constraint:
      'tag=change NOT (object_category=file OR object_category=directory OR object_category=registry)',
    fields:
      'dest_bunit dest_category dest_priority src_bunit src_category src_priority tag user_agent user_bunit user_category user_priority user_type vendor_account vendor_region',
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
      user_name: orUnknown('user_name'),
      vendor_product: VENDOR_PRODUCT,
      action: orUnknown('action'),
    },
    children: [
      dataset('Auditing_Changes', { constraint: 'tag=audit' }),
      dataset('Endpoint_Changes', {
        constraint: 'tag=endpoint',
        children: [
          dataset('Endpoint_Restarts', { constraint: 'action=modified change_type=restart' }),
          dataset('Other_Endpoint_Changes', { constraint: 'NOT change_type=restart' }),
        ],
      }),
      dataset('Network_Changes', {
        constraint: 'tag=network',
        fields:
          'dest_ip_range dest_port_range direction protocol rule_action src_ip_range src_port_range',
        children: [
          dataset('Device_Restarts', { constraint: 'action=modified change_type=restart' }),
        ],
      }),
      dataset('Account_Management', {
        constraint: 'tag=account',
        fields: 'src_user_bunit src_user_category src_user_priority src_user_type',
        calculated: {
          dest_nt_domain: orUnknown('dest_nt_domain'),
          src_nt_domain: orUnknown('src_nt_domain'),
          src_user: orUnknown('src_user'),
          src_user_name: orUnknown('src_user_name'),
        },
        children: [
          dataset('Accounts_Created', { constraint: 'action="created"' }),
          dataset('Accounts_Deleted', { constraint: 'action="deleted"' }),
          dataset('Account_Lockouts', { constraint: 'result="lockout"' }),
          dataset('Accounts_Updated', { constraint: 'action="updated" OR action="modified"' }),
        ],
      }),
      dataset('Instance_Changes', {
        constraint: 'tag=instance',
        calculated: {
          image_id: orUnknown('image_id'),
          instance_type: orUnknown('instance_type'),
        },
      }),
    ],
  }),
]);
