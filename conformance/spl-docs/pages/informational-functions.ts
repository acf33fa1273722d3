// Search Reference, "Informational functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'Informational functions',
  path: 'evaluation-functions/informational-functions',
  examples: [
    {
      name: 'isarray: a JSON array text',
      spl: '| makeresults | eval result = if(isarray("[1, 2, 3]"), "True", "False")',
      rows: [{ result: 'True' }],
    },
    {
      name: 'isarray: a number',
      spl: '| makeresults | eval result = if(isarray(1), "True", "False")',
      rows: [{ result: 'False' }],
    },
    {
      name: 'isbool: a comparison',
      spl: '| makeresults | eval result = if(isbool(1==2), "True", "False")',
      rows: [{ result: 'True' }],
    },
    {
      name: 'isbool: a field',
      spl: '| makeresults | eval result = if(isbool(a), "True", "False")',
      rows: [{ result: 'False' }],
    },
    {
      name: 'isdouble: 3.546',
      spl: '| makeresults | eval result = if(isdouble(3.546), "True", "False")',
      rows: [{ result: 'True' }],
    },
    {
      name: 'isdouble: 1000000',
      spl: '| makeresults | eval result = if(isdouble(1000000), "True", "False")',
      rows: [{ result: 'False' }],
    },
    {
      name: 'isint: in if',
      spl: '* | eval n=if(isint(field),"int", "not int")',
      events: [{ field: '42' }, { field: '4.2' }, { field: 'x' }],
      rows: [{ n: 'int' }, { n: 'not int' }, { n: 'not int' }],
    },
    {
      name: 'isint: in where',
      spl: '* | where isint(field)',
      events: [{ field: '42' }, { field: '4.2' }],
      rows: [{ field: '42' }],
    },
    {
      name: 'ismv: a split value',
      spl: '| makeresults | eval number_list=split("1, 2, 3", ",") | eval result=if(ismv(number_list), "True", "False")',
      rows: [{ result: 'True' }],
    },
    {
      name: 'isnotnull and isnull: in if',
      spl: '* | eval n=if(isnotnull(field),"yes","no"), m=if(isnull(field),"yes","no")',
      events: [{ field: 'a' }, {}],
      rows: [
        { n: 'yes', m: 'no' },
        { n: 'no', m: 'yes' },
      ],
    },
    {
      name: 'isnum and isstr: in if',
      spl: '* | eval n=if(isnum(field),"yes","no"), s=if(isstr(field),"yes","no")',
      events: [{ field: '12' }, { field: 'abc' }],
      rows: [
        { n: 'yes', s: 'no' },
        { n: 'no', s: 'yes' },
      ],
    },
    {
      name: 'isobject: a string literal that is not JSON',
      spl: '| makeresults | eval games = "Ticket to Ride, Settlers of Catan" | eval result = if(isobject("games"), "True", "False")',
      rows: [{ result: 'False' }],
    },
    {
      name: 'isobject: a field holding a JSON object',
      spl: '| makeresults | eval games = "{\\"type\\": \\"competitive\\", \\"name\\": \\"Ticket to Ride\\"}" | eval result = if(isobject(games), "True", "False")',
      rows: [{ result: 'True' }],
    },
    {
      name: 'isobject: unquoted keys are not JSON',
      spl: '| makeresults |eval is_an_object = if(isobject("{cities: \\"3\\"}"), "is object", "is not object")',
      rows: [{ is_an_object: 'is not object' }],
    },
    {
      name: 'isnum: "NaN" in a field is a number, a literal "NaN" is not (without transpose)',
      spl: '| makeresults | eval strval="NaN", numval=strval % 1 | fields - _time | eval literalIsNumeric=if(isnum("anystring"), "true", "false") | eval literalNanIsNumeric=if(isnum("NaN"), "true", "false") | eval numvalIsNumeric=if(isnum(numval), "true", "false") | eval strvalIsNumeric=if(isnum(strval), "true", "false")',
      rows: [
        {
          literalIsNumeric: 'false',
          literalNanIsNumeric: 'false',
          numval: 'NaN',
          numvalIsNumeric: 'true',
          strval: 'NaN',
          strvalIsNumeric: 'true',
        },
      ],
    },
    {
      name: 'isstr: "NaN" is a string everywhere (without transpose)',
      spl: '| makeresults | eval strval="NaN", numval=strval % 1 | fields - _time | eval literalIsStr=if(isstr("anystring"), "true", "false") | eval literalNanIsStr=if(isstr("NaN"), "true", "false") | eval numvalIsStr=if(isstr(numval), "true", "false") | eval strvalIsStr=if(isstr(strval), "true", "false")',
      rows: [
        {
          literalIsStr: 'true',
          literalNanIsStr: 'true',
          numval: 'NaN',
          numvalIsStr: 'true',
          strval: 'NaN',
          strvalIsStr: 'true',
        },
      ],
    },
    {
      name: 'typeof: number, string, boolean and a missing field',
      spl: '| makeresults | eval n=typeof(12) + typeof("string") + typeof(1==2) + typeof(badfield)',
      rows: [{ n: 'NumberStringBoolInvalid' }],
    },
    {
      name: 'typeof: _time',
      spl: '| makeresults | eval t=typeof(_time)',
      rows: [{ t: 'Number' }],
    },
  ],
};

export default page;
