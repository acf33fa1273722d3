// Search Reference, "Trig and Hyperbolic functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const one = (expression: string, result: string) => ({
  name: expression,
  spl: `| makeresults | eval n=${expression}`,
  rows: [{ n: result }],
});

const page: DocPage = {
  title: 'Trig and Hyperbolic functions',
  path: 'evaluation-functions/trig-and-hyperbolic-functions',
  examples: [
    one('acos(0)', '1.5707963267948966'),
    one('acos(0)*180/pi()', '90.0000000003'),
    one('acosh(2)', '1.3169578969248166'),
    one('asin(1)', '1.5707963267948966'),
    one('asinh(1)', '0.881373587019543'),
    one('atan(0.50)', '0.46'),
    one('atan2(0.50, 0.75)', '0.59'),
    one('atanh(0.500)', '0.549'),
    one('cos(-1)', '0.5403023058681398'),
    one('cos(pi())', '-1.00000000000'),
    one('cosh(1)', '1.5430806348152437'),
    one('hypot(3,4)', '5'),
    one('sin(1)', '0.8414709848078965'),
    one('sinh(1)', '1.1752011936438014'),
    one('tan(1)', '1.5574077246549023'),
    one('tan(135)', '-0.08871575677006045'),
    one('tanh(1)', '0.7615941559557649'),
  ],
};

export default page;
