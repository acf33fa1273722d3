// CIM Email (CIM 4.20, Splunk_SA_CIM): All_Email with delivery, content and filtering children.
import { countOr, emailDomain, orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const EMAIL = dataModel('Email', [
  dataset('All_Email', {
    constraint: 'tag=email',
    fields:
      'delay dest_bunit dest_category dest_priority duration file_hash file_name file_size internal_message_id message_id message_info orig_dest orig_recipient orig_src protocol process process_id recipient_status response_time retries return_addr size src_bunit src_category src_priority src_user_bunit src_user_category src_user_priority status_code subject tag url user user_bunit user_category user_priority xdelay xref',
    calculated: {
      action: orUnknown('action'),
      dest: orUnknown('dest'),
      src: orUnknown('src'),
      recipient: orUnknown('recipient'),
      recipient_domain: emailDomain('recipient'),
      recipient_count: countOr('recipient_count', 'recipient'),
      src_user: orUnknown('src_user'),
      src_user_domain: emailDomain('src_user'),
      vendor_product: VENDOR_PRODUCT,
    },
    children: [
      dataset('Delivery', {
        constraint: 'tag=delivery',
      }),
      dataset('Content', {
        constraint: 'tag=content',
      }),
      dataset('Filtering', {
        constraint: 'tag=filter',
        fields: 'filter_action filter_score signature signature_extra signature_id',
      }),
    ],
  }),
]);
