// CIM Network_Traffic (CIM 4.20, Splunk_SA_CIM): All_Traffic and its by-action children.
import { differenceOr, numberOr, orUnknown, sumOr, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const NETWORK_TRAFFIC = dataModel('Network_Traffic', [
  dataset('All_Traffic', {
    constraint: 'tag=network tag=communicate',
    fields:
      'app channel dest_bunit dest_category dest_interface dest_ip dest_mac dest_priority dest_translated_ip dest_translated_port dest_zone direction duration dvc_ip dvc_bunit dvc_category dvc_mac dvc_priority dvc_zone flow_id icmp_code icmp_type process_id protocol protocol_version response_time session_id src_bunit src_category src_interface src_ip src_mac src_priority src_translated_ip src_translated_port src_zone ssid tag tcp_flag tos ttl user_bunit user_category user_priority vlan wifi vendor_account',
    calculated: {
      action: orUnknown('action'),
      bytes: sumOr('bytes', 'bytes_in', 'bytes_out'),
      bytes_in: differenceOr('bytes_in', 'bytes', 'bytes_out'),
      bytes_out: differenceOr('bytes_out', 'bytes', 'bytes_in'),
      dest: orUnknown('dest'),
      dest_port: numberOr('dest_port', '0'),
      dvc: orUnknown('dvc'),
      packets: sumOr('packets', 'packets_in', 'packets_out'),
      packets_in: differenceOr('packets_in', 'packets', 'packets_out'),
      packets_out: differenceOr('packets_out', 'packets', 'packets_in'),
      rule: orUnknown('rule'),
      src: orUnknown('src'),
      src_port: numberOr('src_port', '0'),
      transport: 'if(isnull(transport) OR transport="", "unknown", lower(transport))',
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
    children: [
      dataset('Traffic_By_Action', {
        constraint: 'action=*',
        children: [
          dataset('Allowed_Traffic', { constraint: 'action=allowed' }),
          dataset('Blocked_Traffic', { constraint: 'action=blocked' }),
        ],
      }),
    ],
  }),
]);
