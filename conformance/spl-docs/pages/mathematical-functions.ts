// Search Reference, "Mathematical functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const one = (name: string, expression: string, result: string) => ({
  name,
  spl: `| makeresults | eval n=${expression}`,
  rows: [{ n: result }],
});

const page: DocPage = {
  title: 'Mathematical functions',
  path: 'evaluation-functions/mathematical-functions',
  examples: [
    {
      name: 'abs: the absolute value of a field',
      spl: '* | eval absnum=abs(number)',
      events: [{ number: '-12.5' }],
      rows: [{ absnum: '12.5' }],
    },
    one('ceiling: ceil(1.9)', 'ceil(1.9)', '2'),
    one('exp: e to the 3rd', 'exp(3)', '20.085536923187668'),
    one('floor: floor(1.9)', 'floor(1.9)', '1'),
    {
      name: 'log: base 2',
      spl: '* | eval num=log(number,2)',
      events: [{ number: '1024' }],
      rows: [{ num: '10' }],
    },
    one('round: 3.5 rounds up', 'round(3.5)', '4'),
    one('round: two decimals', 'round(2.555, 2)', '2.56'),
    one('sigfig: the fewest significant figures of a product', 'sigfig(1.00*1111)', '1110'),
    {
      name: 'sigfig: the average of 100 values shows floating-point noise',
      spl: '| makeresults count=100 | eval test=3.99 | stats avg(test)',
      rows: [{ 'avg(test)': '3.9900000000000055' }],
    },
    {
      name: 'sigfig: the average of 10000 values',
      spl: '| makeresults count=10000 | eval test=3.99 | stats avg(test)',
      rows: [{ 'avg(test)': '3.990000000000215' }],
    },
    {
      name: 'sigfig: two decimals by multiplying by 1.00',
      spl: '| makeresults count=10000 | eval test=3.99 | stats avg(test) AS test | eval new_test=sigfig(test*1.00)',
      rows: [{ new_test: '3.99' }],
    },
    one('sigfig: the fewest decimal places of a sum', 'sigfig(123.0 + 4.567)', '127.6'),
    one('sqrt: sqrt(9)', 'sqrt(9)', '3'),
    {
      name: 'sum: an absent field is not counted',
      spl: '| makeresults | eval a = 5.0, b = "9", x = sum(a, b, c)',
      rows: [{ a: '5.0', b: '9', x: '14', c: null }],
    },
    {
      name: 'sum: three numbers',
      spl: '| makeresults | eval c=sum(1, 2, 3)',
      rows: [{ c: '6' }],
    },
    {
      name: 'sum: a quoted string argument fails',
      spl: '| makeresults | eval c=sum(1, 2, "3")',
      fails: true,
    },
    {
      name: 'sum: tonumber of a quoted string',
      spl: '| makeresults | eval c=sum(1, 2, tonumber("3"))',
      rows: [{ c: '6' }],
    },
    {
      name: 'sum: a field holding numeric text',
      spl: '| makeresults | eval a="1", c=sum(a, 2, 3)',
      rows: [{ a: '1', c: '6' }],
    },
    {
      name: 'sum: a field holding other text is skipped',
      spl: '| makeresults | eval a="somedata", c=sum(a, 2, 3)',
      rows: [{ a: 'somedata', c: '5' }],
    },
    {
      name: 'sum: other text as a quoted argument fails',
      spl: '| makeresults | eval c=sum("somedata", 2, 3)',
      fails: true,
    },
  ],
};

export default page;
