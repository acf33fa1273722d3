// The options `hunt` and `timeline` share: the rules (content, Sigma, mapping, selection), the
// triage, warnings and progress, the knowledge and the inputs.
import { Option } from 'commander';
import {
  collect,
  contentOption,
  dataModelsOption,
  inputOptions,
  knowledgeOptions,
} from '../commands/shared-options.ts';
import { triageOptions } from './triage-options.ts';

/** In `--help` order: rules, triage, then (after the command's own) knowledge and inputs. */
export function ruleOptions(): Option[] {
  return [
    contentOption(),
    new Option('--sigma <file|dir>', 'Sigma rules to run as well (repeatable)')
      .argParser(collect)
      .default([]),
    new Option('--sigma-mapping <file>', 'Sigma logsource mapping (spelunk or THOR format)'),
    new Option(
      '--no-sigma-cache',
      'compile the Sigma rules and prove regexes safe every time (default: reuse the compiled set and the regex verdicts cached in $SPELUNK_CACHE_DIR or ~/.cache/spelunk while nothing changed)',
    ),
    new Option(
      '--detection <name>',
      'run only this detection or Sigma rule: name, title or id (repeatable)',
    )
      .argParser(collect)
      .default([]),
    ...triageOptions(),
  ];
}

export function runOptions(): Option[] {
  return [
    new Option('--warnings', 'print every warning, not a count and an example per code'),
    new Option('--no-progress', 'never draw the progress line and bar'),
    ...knowledgeOptions(),
    dataModelsOption(),
    ...inputOptions(),
  ];
}
