// CIM Web (CIM 4.20, Splunk_SA_CIM): web server and proxy activity; Proxy and Storage children.
import {
  differenceOr,
  orUnknown,
  orUnknownOrDash,
  sumOr,
  urlDomain,
  VENDOR_PRODUCT,
} from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const WEB = dataModel('Web', [
  dataset('Web', {
    constraint: 'tag=web',
    fields:
      'app cached category cookie dest_bunit dest_category dest_port dest_priority duration response_time site src_bunit src_category src_priority tag uri_path uri_query user_bunit user_category user_priority',
    calculated: {
      action: orUnknown('action'),
      bytes: sumOr('bytes', 'bytes_in', 'bytes_out'),
      bytes_in: differenceOr('bytes_in', 'bytes', 'bytes_out'),
      bytes_out: differenceOr('bytes_out', 'bytes', 'bytes_in'),
      dest: orUnknownOrDash('dest'),
      http_content_type: orUnknownOrDash('http_content_type'),
      http_method: orUnknownOrDash('http_method'),
      http_referrer: orUnknownOrDash('http_referrer'),
      http_referrer_domain: urlDomain('http_referrer'),
      http_user_agent: orUnknownOrDash('http_user_agent'),
      http_user_agent_length: 'len(http_user_agent)',
      src: orUnknownOrDash('src'),
      status: orUnknownOrDash('status'),
      url: orUnknownOrDash('url'),
      url_domain: urlDomain('url'),
      url_length: 'len(url)',
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
    children: [
      dataset('Proxy', {
        constraint: 'tag=proxy',
      }),
      dataset('Storage', {
        constraint: 'tag=storage',
        fields: 'storage_name operation error_code',
      }),
    ],
  }),
]);
