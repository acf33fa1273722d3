// ATT&CK references parsed from `attack.*` tags (Sigma appendix "Tags").

export interface AttackTags {
  /** `T1059.001` from `attack.t1059.001`. */
  readonly techniques: readonly string[];
  /** Tactic short names (`defense-evasion`) from `attack.defense-evasion` or `attack.defense_evasion`. */
  readonly tactics: readonly string[];
  /** `G0016`, `S0002` from `attack.g0016`, `attack.s0002`. */
  readonly groups: readonly string[];
  readonly software: readonly string[];
}

/** The 14 Enterprise tactics: short name → id (MITRE ATT&CK Enterprise). */
const ATTACK_TACTIC_IDS: Readonly<Record<string, string>> = {
  reconnaissance: 'TA0043',
  'resource-development': 'TA0042',
  'initial-access': 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  'privilege-escalation': 'TA0004',
  'defense-evasion': 'TA0005',
  'credential-access': 'TA0006',
  discovery: 'TA0007',
  'lateral-movement': 'TA0008',
  collection: 'TA0009',
  'command-and-control': 'TA0011',
  exfiltration: 'TA0010',
  impact: 'TA0040',
};

export function parseAttackTags(tags: readonly string[]): AttackTags {
  const techniques: string[] = [];
  const tactics: string[] = [];
  const groups: string[] = [];
  const software: string[] = [];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (!lower.startsWith('attack.')) continue;
    const rest = lower.slice('attack.'.length);
    if (/^t\d{4}(?:\.\d{3})?$/.test(rest)) techniques.push(rest.toUpperCase());
    else if (/^g\d{4}$/.test(rest)) groups.push(rest.toUpperCase());
    else if (/^s\d{4}$/.test(rest)) software.push(rest.toUpperCase());
    else {
      const tactic = rest.replaceAll('_', '-');
      if (tactic in ATTACK_TACTIC_IDS) tactics.push(tactic);
    }
  }
  return { techniques, tactics, groups, software };
}
