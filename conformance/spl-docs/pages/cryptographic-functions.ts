// Search Reference, "Cryptographic functions": the example that states its result.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'Cryptographic functions',
  path: 'evaluation-functions/cryptographic-functions',
  examples: [
    {
      name: 'md5 of "Hello World"',
      spl: '| makeresults | eval n=md5("Hello World")',
      rows: [{ n: 'b10a8db164e0754105b7a99be72e3fe5' }],
    },
  ],
};

export default page;
