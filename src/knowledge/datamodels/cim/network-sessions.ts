// CIM Network_Sessions (CIM 4.20, Splunk_SA_CIM): session start/end, DHCP and VPN.
import { orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const NETWORK_SESSIONS = dataModel('Network_Sessions', [
  dataset('All_Sessions', {
    constraint: 'tag=network tag=session',
    fields:
      'action dest_bunit dest_category dest_priority duration response_time signature signature_id src_bunit src_category src_dns src_ip src_mac src_nt_host src_priority tag user_bunit user_category user_priority',
    calculated: {
      dest_ip:
        'case(like(source, "stream%") AND isnotnull(yiaddr) AND yiaddr!="", yiaddr, isnull(dest_ip) OR dest_ip="", "unknown", true(), dest_ip)',
      dest_mac:
        'case(like(source, "stream%") AND isnotnull(chaddr) AND chaddr!="", chaddr, isnull(dest_mac) OR dest_mac="", "unknown", true(), dest_mac)',
      dest_nt_host: orUnknown('dest_nt_host'),
      dest_dns: orUnknown('dest_dns'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
    children: [
      dataset('Session_Start', {
        constraint: 'tag=start',
      }),
      dataset('Session_End', {
        constraint: 'tag=end',
      }),
      dataset('DHCP', {
        constraint: 'tag=dhcp',
        fields: 'lease_duration lease_scope',
      }),
      dataset('VPN', {
        constraint: 'tag=vpn',
      }),
    ],
  }),
]);
