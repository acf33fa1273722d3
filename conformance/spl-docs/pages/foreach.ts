// Search Reference, "foreach": a subsearch run for each matching field, <<FIELD>> the field's
// name and <<MATCHSTR>> what the wildcard matched. Inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'foreach',
  path: 'search-commands/foreach',
  examples: [
    {
      name: '<<FIELD>>: add 1 to every test field',
      spl: '* | foreach test* [eval <<FIELD>> = <<FIELD>> + 1]',
      events: [{ test1: '1', test2: '5', other: '9' }],
      rows: [{ test1: '2', test2: '6', other: '9' }],
    },
    {
      name: '<<MATCHSTR>>: new fields named by the wildcard part',
      spl: '* | foreach foo* [eval new_<<MATCHSTR>> = <<FIELD>> + bar<<MATCHSTR>>]',
      events: [{ fooA: '1', barA: '10', fooB: '2', barB: '20' }],
      rows: [{ new_A: '11', new_B: '22' }],
    },
  ],
};

export default page;
