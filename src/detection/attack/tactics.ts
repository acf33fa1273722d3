// The ATT&CK Enterprise tactics: the kill-chain phase names techniques refer to, and their titles.

/** ATT&CK `x_mitre_shortname` → tactic id and name (attack.mitre.org/tactics/enterprise). */
export const ATTACK_TACTICS = {
  reconnaissance: { id: 'TA0043', name: 'Reconnaissance' },
  'resource-development': { id: 'TA0042', name: 'Resource Development' },
  'initial-access': { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  persistence: { id: 'TA0003', name: 'Persistence' },
  'privilege-escalation': { id: 'TA0004', name: 'Privilege Escalation' },
  'defense-evasion': { id: 'TA0005', name: 'Defense Evasion' },
  'credential-access': { id: 'TA0006', name: 'Credential Access' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  'lateral-movement': { id: 'TA0008', name: 'Lateral Movement' },
  collection: { id: 'TA0009', name: 'Collection' },
  'command-and-control': { id: 'TA0011', name: 'Command and Control' },
  exfiltration: { id: 'TA0010', name: 'Exfiltration' },
  impact: { id: 'TA0040', name: 'Impact' },
} as const;

export type TacticShortname = keyof typeof ATTACK_TACTICS;

/** `command-and-control` → `Command and Control`; an unknown shortname is returned as written. */
export function tacticName(shortname: string): string {
  return Object.hasOwn(ATTACK_TACTICS, shortname)
    ? ATTACK_TACTICS[shortname as TacticShortname].name
    : shortname;
}
