// Search Reference, "eval": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'eval',
  path: 'search-commands/eval',
  examples: [
    {
      name: 'rounding to the precision of the least precise input',
      spl: '|makeresults | eval decimal1=8.250 * 0.2, decimal2=8.250 * 0.20, decimal3=8.250 * 0.200, exact=8.250 * exact(0.2)',
      rows: [{ decimal1: '2', decimal2: '1.7', decimal3: '1.65', exact: '1.650' }],
    },
    {
      name: 'field names: a trailing space is kept',
      spl: '| makeresults | eval "first  " = 123 | eval second=\'first  \'',
      rows: [{ 'first  ': '123', second: '123' }],
    },
    {
      name: 'dynamic field names: the value of one field names another',
      spl: '| makeresults | eval field1="counter", {field1}="1234"',
      rows: [{ counter: '1234', field1: 'counter' }],
    },
    {
      name: 'if: OK or Problem',
      spl: '* | eval error = if(status == 200, "OK", "Problem")',
      events: [{ status: '200' }, { status: '404' }],
      rows: [{ error: 'OK' }, { error: 'Problem' }],
    },
    {
      name: 'lower into a field with a dash in its name',
      spl: '* | eval low-user = lower(username)',
      events: [{ username: 'Alex' }],
      rows: [{ 'low-user': 'alex' }],
    },
    {
      name: 'the value of a field as the name of a new field',
      spl: '* | eval {counter} = Value',
      events: [{ counter: 'cpu_load', Value: '12' }],
      rows: [{ cpu_load: '12' }],
    },
    {
      name: 'case: HTTP error codes',
      spl: '* | eval error_msg = case(error == 404, "Not found", error == 500, "Internal Server Error", error == 200, "OK")',
      events: [{ error: '404' }, { error: '200' }, { error: '302' }],
      rows: [{ error_msg: 'Not found' }, { error_msg: 'OK' }, { error_msg: null }],
    },
    {
      name: 'concatenation with a period, then lower',
      spl: '* | eval full_name = first_name." ".last_name, low_name = lower(full_name)',
      events: [{ first_name: 'Na', last_name: 'Lui' }],
      rows: [{ full_name: 'Na Lui', low_name: 'na lui' }],
    },
    {
      name: 'tostring commas rounds to two decimals',
      spl: '* | eval x=tostring(x,"commas")',
      events: [{ x: '1000000.1278' }],
      rows: [{ x: '1,000,000.13' }],
    },
    {
      name: 'a currency symbol before commas',
      spl: '* | eval x="$".tostring(x,"commas")',
      events: [{ x: '1000000.1278' }],
      rows: [{ x: '$1,000,000.13' }],
    },
    {
      name: 'values past 2^53-1 round',
      spl: '| makeresults | eval max_supported_val = pow(2, 53)-1, val1 = max_supported_val + 1, val2 = max_supported_val + 2',
      rows: [
        {
          max_supported_val: '9007199254740991',
          val1: '9007199254740992',
          val2: '9007199254740992',
        },
      ],
    },
    {
      name: 'split and mvindex: user and domain of an address',
      spl: '* | eval accountname=split(mailfrom,"@"), from_user=mvindex(accountname,0), from_domain=mvindex(accountname,-1) | table mailfrom, from_user, from_domain',
      events: [
        { mailfrom: 'na.lui@sample.net' },
        { mailfrom: 'MAILER-DAEMON@hcp2mailsec.sample.net' },
        { mailfrom: 'M&MService@example.com' },
        { mailfrom: 'buttercup-forum+SEMAG8PUC4RETTUB@groups.com' },
      ],
      rows: [
        { mailfrom: 'na.lui@sample.net', from_user: 'na.lui', from_domain: 'sample.net' },
        {
          mailfrom: 'MAILER-DAEMON@hcp2mailsec.sample.net',
          from_user: 'MAILER-DAEMON',
          from_domain: 'hcp2mailsec.sample.net',
        },
        { mailfrom: 'M&MService@example.com', from_user: 'M&MService', from_domain: 'example.com' },
        {
          mailfrom: 'buttercup-forum+SEMAG8PUC4RETTUB@groups.com',
          from_user: 'buttercup-forum+SEMAG8PUC4RETTUB',
          from_domain: 'groups.com',
        },
      ],
    },
    {
      name: 'match: local .com, .net and .org addresses, counted by location',
      spl: '* | eval accountname=split(mailfrom,"@"),  from_domain=mvindex(accountname,-1), location=if(match(from_domain, "[^\\n\\r\\s]+\\.(com|net|org)"), "local", "abroad") | stats count BY location',
      events: [{ mailfrom: 'a@x.com' }, { mailfrom: 'b@y.de' }, { mailfrom: 'c@z.org' }],
      rows: [
        { location: 'abroad', count: '1' },
        { location: 'local', count: '2' },
      ],
    },
  ],
};

export default page;
