// CIM Network_Resolution (CIM 4.20, Splunk_SA_CIM): the DNS dataset.
import { countOr, orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

/** DNS RCODE names (RFC 1035 §4.1.1, RFC 2136 §2.2, RFC 6895 §2.3) for a numeric reply code. */
const REPLY_CODE_NAMES =
  'case(isnotnull(reply_code) AND reply_code!="", reply_code, reply_code_id=="0", "NoError", reply_code_id=="1", "FormErr", reply_code_id=="2", "ServFail", reply_code_id=="3", "NXDomain", reply_code_id=="4", "NotImp", reply_code_id=="5", "Refused", reply_code_id=="6", "YXDomain", reply_code_id=="7", "YXRRSet", reply_code_id=="8", "NXRRSet", reply_code_id=="9", "NotAuth", reply_code_id=="10", "NotZone", true(), null())';

export const NETWORK_RESOLUTION = dataModel('Network_Resolution', [
  dataset('DNS', {
    constraint: 'tag=network tag=resolution tag=dns',
    fields:
      'additional_answer_count authority_answer_count dest_bunit dest_category dest_port dest_priority duration name query_type record_type response_time src src_bunit src_category src_port src_priority tag transport transaction_id ttl',
    calculated: {
      answer: orUnknown('answer'),
      answer_count: countOr('answer_count', 'answer'),
      dest: orUnknown('dest'),
      message_type: orUnknown('message_type'),
      query: orUnknown('query'),
      query_count: countOr('query_count', 'query'),
      reply_code_id:
        'case(isnotnull(reply_code_id) AND reply_code_id!="", reply_code_id, isnotnull(reply_code) AND reply_code!="", reply_code, true(), "unknown")',
      // The CIM fills reply_code from its reply-code lookup; these are the standard names.
      reply_code: REPLY_CODE_NAMES,
      vendor_product: VENDOR_PRODUCT,
    },
  }),
]);
