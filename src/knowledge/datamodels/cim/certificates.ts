// CIM Certificates (CIM 4.20, Splunk_SA_CIM): All_Certificates and SSL.
import { emailDomain, orUnknown } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const CERTIFICATES = dataModel('Certificates', [
  dataset('All_Certificates', {
    constraint: 'tag=certificate',
    fields:
      'dest dest_bunit dest_category dest_port dest_priority duration response_time src src_bunit src_category src_port src_priority tag transport',
    children: [
      dataset('SSL', {
        constraint: '(tag=ssl OR tag=tls)',
        fields:
          'ssl_end_time ssl_engine ssl_issuer_email ssl_issuer_locality ssl_issuer_state ssl_issuer_organization ssl_issuer_unit ssl_issuer_street ssl_name ssl_policies ssl_publickey ssl_publickey_algorithm ssl_serial ssl_session_id ssl_signature_algorithm ssl_start_time ssl_subject_email ssl_subject_locality ssl_subject_state ssl_subject_organization ssl_subject_unit ssl_subject_street ssl_version',
        calculated: {
          ssl_hash: orUnknown('ssl_hash'),
          ssl_issuer: orUnknown('ssl_issuer'),
          ssl_issuer_common_name: orUnknown('ssl_issuer_common_name'),
          ssl_issuer_email_domain: emailDomain('ssl_issuer_email'),
          ssl_subject: orUnknown('ssl_subject'),
          ssl_subject_common_name: orUnknown('ssl_subject_common_name'),
          ssl_subject_email_domain: emailDomain('ssl_subject_email'),
          ssl_validity_window:
            'if(isnum(ssl_end_time) AND isnum(ssl_start_time), ssl_end_time - ssl_start_time, null())',
          ssl_is_valid:
            'case(match(ssl_is_valid, "^(?i)(1|t|true)$"), 1, match(ssl_is_valid, "^(?i)(0|f|false)$"), 0, isnum(ssl_end_time) AND isnum(ssl_start_time), if(_time>=ssl_start_time AND _time<=ssl_end_time, 1, 0), true(), null())',
        },
      }),
    ],
  }),
]);
