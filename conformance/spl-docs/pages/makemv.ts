// Search Reference, "makemv": the examples, with inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'makemv',
  path: 'search-commands/makemv',
  examples: [
    {
      name: 'a comma delimiter',
      spl: '* | makemv delim="," senders',
      events: [{ senders: 'a@x.com,b@y.com' }],
      rows: [{ senders: ['a@x.com', 'b@y.com'] }],
    },
    {
      name: 'a colon delimiter, empty values allowed',
      spl: '* | makemv delim=":" allowempty=true product_info',
      events: [{ product_info: 'a::b' }],
      rows: [{ product_info: ['a', '', 'b'] }],
    },
    {
      name: 'repeated delimiters give no empty value by default',
      spl: '* | makemv delim="," product_info',
      events: [{ product_info: 'a,,b' }],
      rows: [{ product_info: ['a', 'b'] }],
    },
    {
      name: 'a regular expression tokenizer',
      spl: '| makeresults | eval my_multival="one,two,three" | makemv tokenizer="([^,]+),?" my_multival',
      rows: [{ my_multival: ['one', 'two', 'three'] }],
    },
  ],
};

export default page;
