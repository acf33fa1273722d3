// CIM Vulnerabilities (CIM 4.20, Splunk_SA_CIM): scanner findings by severity.
import { lowerOrNull, orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

export const VULNERABILITIES = dataModel('Vulnerabilities', [
  dataset('Vulnerabilities', {
    constraint: 'tag=vulnerability tag=report',
    fields:
      'cvss dest_bunit dest_category dest_priority dvc_bunit dvc_category dvc_priority severity_id signature_id tag url user user_bunit user_category user_priority',
    calculated: {
      bugtraq: lowerOrNull('bugtraq'),
      category: orUnknown('category'),
      cert: lowerOrNull('cert'),
      cve: lowerOrNull('cve'),
      dest: orUnknown('dest'),
      dvc: orUnknown('dvc'),
      msft: lowerOrNull('msft'),
      mskb: lowerOrNull('mskb'),
      severity: orUnknown('severity'),
      signature: orUnknown('signature'),
      vendor_product: VENDOR_PRODUCT,
      xref: lowerOrNull('xref'),
    },
    children: [
      dataset('High_Critical_Vulnerabilities', {
        constraint: '(severity="high" OR severity="critical")',
      }),
      dataset('Medium_Vulnerabilities', {
        constraint: 'severity="medium"',
      }),
      dataset('Low_Informational_Vulnerabilities', {
        constraint: '(severity="low" OR severity="informational")',
      }),
    ],
  }),
]);
