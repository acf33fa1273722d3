// Known-evil regular expressions (written for these tests): each with a text that makes a
// backtracking engine take super-linear time on it. The README's guarantee ("no rule's regex
// can take more than linear time") must hold for every one, in SPL and in Sigma.

export interface EvilRegex {
  /** PCRE / Python syntax (both accept these). */
  readonly pattern: string;
  /** A text of about `n` characters that triggers the backtracking. */
  readonly attack: (n: number) => string;
  /** exponential, polynomial (quadratic or worse within one attempt), scan (quadratic over starts) */
  readonly kind: 'exponential' | 'polynomial' | 'scan';
}

const a = (n: number) => 'a'.repeat(n);

export const EVIL_REGEXES: readonly EvilRegex[] = [
  // Classics: nested and overlapping quantifiers.
  { pattern: '^(a+)+$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '^(a*)*$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(a*)*b', attack: (n) => a(n), kind: 'exponential' },
  { pattern: '^(a|aa)*$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(a|a)*b', attack: (n) => a(n), kind: 'exponential' },
  { pattern: '^(a|a?)+$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(\\w+\\s?)+$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '^(\\w+\\s?)*$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(x+x+)+y', attack: (n) => 'x'.repeat(n), kind: 'exponential' },
  {
    pattern: '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@)',
    attack: (n) => `${a(n)}!`,
    kind: 'exponential',
  },
  { pattern: '^(([a-z])+.)+[A-Z]([a-z])+$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(a?b?)*c', attack: (n) => 'ab'.repeat(n / 2), kind: 'exponential' },
  { pattern: '^(?:a|b|ab)*c$', attack: (n) => `${'ab'.repeat(n / 2)}!`, kind: 'exponential' },
  { pattern: '(.*a){12}', attack: (n) => a(n), kind: 'polynomial' },
  { pattern: '(.*?,){11}P', attack: (n) => ','.repeat(n), kind: 'polynomial' },
  { pattern: '(?:a?){20}a{20}', attack: () => a(20), kind: 'exponential' },
  { pattern: '^(\\d+)*$', attack: (n) => `${'1'.repeat(n)}x`, kind: 'exponential' },
  { pattern: '^(\\s*,?)*$', attack: (n) => `${' ,'.repeat(n / 2)}x`, kind: 'exponential' },
  { pattern: '^(([^\\\\]*\\\\)*)+x', attack: (n) => '\\'.repeat(n), kind: 'exponential' },
  // Polynomial within one attempt: adjacent quantifiers over the same characters.
  { pattern: '^\\s*\\s*\\s*$', attack: (n) => `${' '.repeat(n)}x`, kind: 'polynomial' },
  { pattern: '^a*a*a*a*b', attack: (n) => a(n), kind: 'polynomial' },
  { pattern: '^\\d+\\d+\\d+\\.', attack: (n) => '1'.repeat(n), kind: 'polynomial' },
  { pattern: '^(?:.*=){3}x', attack: (n) => '='.repeat(n), kind: 'polynomial' },
  { pattern: '^\\w*\\d*\\w*$', attack: (n) => `${'1'.repeat(n)}!`, kind: 'polynomial' },
  // Quadratic over start positions (a whole unanchored search).
  { pattern: '\\d+\\.\\d+x', attack: (n) => '1'.repeat(n), kind: 'scan' },
  { pattern: '[a-z]+[0-9]+', attack: (n) => a(n), kind: 'scan' },
  { pattern: '\\s+$', attack: (n) => `${' '.repeat(n)}x`, kind: 'scan' },
  { pattern: 'a.*b.*c', attack: (n) => `${'ab'.repeat(n / 2)}`, kind: 'scan' },
  // Look-ahead and look-behind wrappers around the classics: no linear engine can run them.
  { pattern: '(?=a)^(a|aa)*$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '^(?=(a+)+$)a', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(?!(a+)+b)a', attack: (n) => a(n), kind: 'exponential' },
  { pattern: '(?=.*(a|a)*$)x', attack: (n) => `x${a(n)}!`, kind: 'exponential' },
  { pattern: '(?<=(a|a)*)b', attack: (n) => a(n), kind: 'exponential' },
  { pattern: '(?=(a*))\\1*b', attack: (n) => a(n), kind: 'polynomial' },
  { pattern: '(?=\\w+\\d)\\w', attack: (n) => a(n), kind: 'scan' },
  // Back-references around overlapping quantifiers.
  { pattern: '^(a+)+\\1$', attack: (n) => `${a(n)}!`, kind: 'exponential' },
  { pattern: '(\\w+)\\s+\\1', attack: (n) => a(n), kind: 'scan' },
  { pattern: '^(a|aa)+\\1x', attack: (n) => a(n), kind: 'exponential' },
  // Counted repetition nested in counted repetition.
  { pattern: '^(a{1,10}){1,10}$', attack: () => `${a(60)}!`, kind: 'exponential' },
  { pattern: '^((ab)*|b)*c', attack: (n) => 'ab'.repeat(n / 2), kind: 'exponential' },
];

/**
 * Patterns detection content uses every day: they must stay on V8 (proven linear), or the
 * analysis would be useless.
 */
export const PLAIN_REGEXES: readonly string[] = [
  '(?i)\\\\cmd\\.exe$',
  '(?i)(powershell|pwsh)\\.exe',
  '\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}',
  '^[A-Za-z0-9+/=]{40,}$',
  '(?i)-e(nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{50,}',
  '^.*$',
  '(?i)\\\\AppData\\\\Local\\\\Temp\\\\[^\\\\]+\\.exe$',
  '^(?<user>[^\\\\]+)\\\\(?<domain>.+)$',
  '(?<ext>\\.[^.\\\\]+)$',
  '(?i)(?:devtunnel|code-tunnel|ngrok)',
  '(?i)https?://[^/\\s]+',
  '^\\d+\\.\\d+$',
];
