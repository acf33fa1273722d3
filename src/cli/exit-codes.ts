// Process exit codes shared by every subcommand.

/** The command did its job (for `hunt --fail-on-findings`: and found nothing). */
export const EXIT_OK = 0;
/** A bad search, rule or input the user must fix; the diagnostic was printed. */
export const EXIT_FAILURE = 1;
/** Wrong command-line usage. */
export const EXIT_USAGE = 2;
