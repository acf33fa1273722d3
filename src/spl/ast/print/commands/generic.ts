// Printers of commands kept as tokens.
import type { CommandPrinters } from '../print-context.ts';

export const GENERIC_PRINTERS: CommandPrinters<'Generic'> = {
  Generic: (command, context) => {
    const name = command.name;
    let text = name;
    for (const arg of command.args) {
      if (arg.kind === 'Subsearch') text += ` ${context.subsearch(arg)}`;
      else text += arg.spaceBefore ? ` ${arg.text}` : arg.text;
    }
    return text;
  },
};
