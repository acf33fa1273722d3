// Splunk Enterprise Security's Risk data model: All_Risk, the risk events (index=risk) that risk rules write.
import { dataModel, dataset } from '../model/data-model-spec.ts';

/**
 * ES defines this model outside the CIM add-on and does not publish its JSON; the fields are the
 * ones ES documents for risk events and ESCU's risk-based searches read. `calculated_risk_score`
 * is the score after ES's risk modifiers: spelunk applies none, so it is the event's own
 * `calculated_risk_score` when present, else its `risk_score`.
 */
export const RISK = dataModel('Risk', [
  dataset('All_Risk', {
    constraint: 'index=risk',
    fields:
      'risk_object risk_object_type risk_score risk_message risk_object_bunit risk_object_category risk_object_priority threat_object threat_object_type search_name savedsearch_description analyticstories annotations annotations._all annotations.mitre_attack annotations.mitre_attack.mitre_tactic annotations.mitre_attack.mitre_tactic_id annotations.mitre_attack.mitre_technique annotations.mitre_attack.mitre_technique_id annotations.cis20 annotations.kill_chain_phases annotations.nist orig_source orig_sourcetype orig_sid risk_object_field annotations.analytic_story user dest src tag',
    calculated: {
      // ES settles a risk object to its asset or identity name; without those lookups, its text in
      // lower case.
      normalized_risk_object:
        'if(isnotnull(normalized_risk_object), normalized_risk_object, lower(risk_object))',
      calculated_risk_score:
        'if(isnum(calculated_risk_score), calculated_risk_score, if(isnum(risk_score), risk_score, null()))',
    },
  }),
]);
