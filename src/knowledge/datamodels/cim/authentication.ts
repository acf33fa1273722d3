// CIM Authentication (CIM 4.20, Splunk_SA_CIM): one root dataset and its failed/successful, default, insecure and privileged children.
import { orUnknown } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const AUTHENTICATION = dataModel('Authentication', [
  dataset('Authentication', {
    // Successful logons of computer accounts (names ending in `$`) are left out.
    constraint: 'tag=authentication NOT (action=success user=*$)',
    fields:
      'authentication_method authentication_service dest_bunit dest_category dest_nt_domain dest_priority duration reason response_time signature signature_id src_bunit src_category src_nt_domain src_priority src_user_bunit src_user_category src_user_id src_user_priority src_user_role src_user_type tag user_agent user_bunit user_category user_id user_priority user_role user_type vendor_account',
    calculated: {
      action: orUnknown('action'),
      app: 'if(isnull(app) OR app="", sourcetype, app)',
      src: orUnknown('src'),
      src_user: orUnknown('src_user'),
      dest: orUnknown('dest'),
      user: orUnknown('user'),
    },
    children: [
      dataset('Failed_Authentication', { constraint: 'action="failure"' }),
      dataset('Successful_Authentication', { constraint: 'action="success"' }),
      dataset('Default_Authentication', {
        constraint: 'tag="default"',
        children: [
          dataset('Failed_Default_Authentication', { constraint: 'action="failure"' }),
          dataset('Successful_Default_Authentication', { constraint: 'action="success"' }),
        ],
      }),
      dataset('Insecure_Authentication', { constraint: 'tag="insecure" OR tag="cleartext"' }),
      dataset('Privileged_Authentication', {
        constraint: 'tag="privileged"',
        children: [
          dataset('Failed_Privileged_Authentication', { constraint: 'action="failure"' }),
          dataset('Successful_Privileged_Authentication', { constraint: 'action="success"' }),
        ],
      }),
    ],
  }),
]);
