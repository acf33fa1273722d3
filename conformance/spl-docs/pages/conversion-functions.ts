// Search Reference, "Conversion functions": the examples that state their result. Where the page
// shows printf output that starts or ends with spaces, its rendering drops them; the results
// here keep C's padding, which the page's text describes.
import type { DocExample, DocPage } from '../doc-example.ts';

const printf = (name: string, call: string, result: string): DocExample => ({
  name: `printf: ${name}`,
  spl: `| makeresults | eval r=${call}`,
  rows: [{ r: result }],
});

const page: DocPage = {
  title: 'Conversion functions',
  path: 'evaluation-functions/conversion-functions',
  examples: [
    {
      name: 'ipmask: a /24 mask',
      spl: '| makeresults | eval maskedIP = ipmask("255.255.255.0", "10.20.30.120")',
      rows: [{ maskedIP: '10.20.30.0' }],
    },
    {
      name: 'ipmask: the masked value in the where example',
      spl: '| makeresults | eval masked = ipmask("0.255.0.224", "10.20.30.120")',
      rows: [{ masked: '0.20.0.96' }],
    },
    {
      name: 'ipmask: where compares the masked value',
      spl: '* | where ipmask("0.255.0.224", clientip)="10.20.30.120"',
      events: [{ clientip: '10.20.30.120' }],
      rows: [],
    },
    printf('%a in upper case', 'printf("%.3A",pi())', '0X1.922P+1'),
    printf('%c of a code point and of text', 'printf("%c,%c",65,"Foo")', 'A,F'),
    printf('%d and %i', 'printf("%d,%i,%d",-2,+4,30)', '-2,4,30'),
    printf('%e', 'printf("%.2e",5139)', '5.14e+03'),
    printf('%f', 'printf("%.2f",pi())', '3.14'),
    printf('%g', 'printf("%.2g,%.2g",pi(),123)', '3.1,1.2e+02'),
    printf('%o', 'printf("%o",255)', '377'),
    printf('%s and %z', 'printf("%s%z", "foo", "bar")', 'foobar'),
    printf('%u', 'printf("%u",99)', '99'),
    printf('%x, %X, %p', 'printf("%x,%X,%p",10,10,10)', 'a,A,A'),
    printf('%%', 'printf("100%%")', '100%'),
    printf("' adds thousands separators", 'printf("%\'d",12345)', '12,345'),
    printf('- left-justifies', 'printf("%-4d",1)', '1   '),
    printf('0 pads with zeros', 'printf("%04d",1)', '0001'),
    printf('+ always signs', 'printf("%+4d",1)', '  +1'),
    printf('space reserves the sign', 'printf("% -4d",1)', ' 1  '),
    printf('# alternate form', 'printf("%#x", 1)', '0x1'),
    printf('* width', 'printf("%*d", 5, 123)', '  123'),
    printf('* precision', 'printf("%.*f", 1, 1.23)', '1.2'),
    printf('* width and precision', 'printf("%*.*e", 9, 2, pi())', ' 3.14e+00'),
    {
      name: 'toarray: a split multivalue with inferred numbers',
      spl: '| makeresults | eval my_array=toarray(split("1, 2, 3", ","))',
      rows: [{ my_array: '[1,2,3]' }],
    },
    {
      name: 'toarray: a JSON array text',
      spl: '| makeresults | eval grocery_array=toarray("[\\"carrots\\", 1.00, \\"potatoes\\", 1.75]")',
      rows: [{ grocery_array: '["carrots",1,"potatoes",1.75]' }],
    },
    {
      name: 'toarray: not an array is null',
      spl: '| makeresults | eval result = if(isnull(toarray("somefield")), "True", "False")',
      rows: [{ result: 'True' }],
    },
    {
      name: 'toarray: multivalue fields',
      spl: '* | eval test_array = toarray(test_data)',
      events: [{ test_data: ['100', '200', '300'] }, { test_data: ['4', '5', '6'] }],
      rows: [{ test_array: '[100,200,300]' }, { test_array: '[4,5,6]' }],
    },
    {
      name: 'tobool: units in stock',
      spl: '* | eval in_stock=if(tobool(units), "In Stock", "Not in Stock")',
      events: ['12', '0', '15', '35', '1'].map((units) => ({ units })),
      rows: ['In Stock', 'Not in Stock', 'In Stock', 'In Stock', 'In Stock'].map((in_stock) => ({
        in_stock,
      })),
    },
    {
      name: 'todouble: text that is no number gives no value',
      spl: '| makeresults | eval result = todouble("number")',
      rows: [{ result: null }],
    },
    {
      name: 'todouble: 5 becomes 5.0',
      spl: '| makeresults | eval numbers_double=todouble(5)',
      rows: [{ numbers_double: '5.0' }],
    },
    {
      name: 'toint: text',
      spl: '| makeresults | eval numbers_int=toint("24")',
      rows: [{ numbers_int: '24' }],
    },
    {
      name: 'toint: rounds down',
      spl: '| makeresults | eval numbers_int=toint(3.14)',
      rows: [{ numbers_int: '3' }],
    },
    {
      name: 'tomv: a JSON array, quotes omitted',
      spl: '| makeresults | eval ponies = json_array("Buttercup", "Fluttershy", "Rarity"), mv_ponies = tomv(ponies)',
      rows: [
        {
          ponies: '["Buttercup","Fluttershy","Rarity"]',
          mv_ponies: ['Buttercup', 'Fluttershy', 'Rarity'],
        },
      ],
    },
    {
      name: 'tomv: an array holding an object',
      spl: '| makeresults | eval surname = json_array("dubois", json_object("name", "patel")), surname_mv=tomv(surname)',
      rows: [
        { surname: '["dubois",{"name":"patel"}]', surname_mv: ['dubois', '{"name":"patel"}'] },
      ],
    },
    {
      name: 'tonumber: text that is no number fails',
      spl: '| makeresults | eval result=tonumber("seven")',
      fails: true,
    },
    {
      name: 'tonumber: binary',
      spl: '| makeresults | eval result = tonumber("0101", 2)',
      rows: [{ result: '5' }],
    },
    {
      name: 'tonumber: hexadecimal',
      spl: '| makeresults | eval n=tonumber("0A4",16)',
      rows: [{ n: '164' }],
    },
    {
      name: 'tonumber: after trim',
      spl: '* | eval temperature=tonumber(trim(celsius))',
      events: [{ celsius: ' 21 ' }],
      rows: [{ temperature: '21' }],
    },
    {
      name: 'toobject: a JSON object text',
      spl: '| makeresults | eval employee_record = toobject("{\\"name\\": \\"maria\\", \\"age\\": 25, \\"status\\": \\"full-time\\"}")',
      rows: [{ employee_record: '{"name":"maria","age":25,"status":"full-time"}' }],
    },
    {
      name: 'tostring: a boolean, hex and commas joined with +',
      spl: '| makeresults | eval n=tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas")',
      rows: [{ n: 'True 0xF 12,345.68' }],
    },
    {
      name: 'tostring: duration',
      spl: '| makeresults | eval foo=615 | eval foo2 = tostring(foo, "duration")',
      rows: [{ foo: '615', foo2: '00:10:15' }],
    },
    {
      name: 'tostring: binary',
      spl: '| makeresults | eval result = tostring(9, "binary")',
      rows: [{ result: '1001' }],
    },
    {
      name: 'tostring: a currency symbol with fieldformat',
      spl: '* | fieldformat totalSales="$".tostring(totalSales,"commas")',
      events: [{ totalSales: '1234567.891' }],
      rows: [{ totalSales: '$1,234,567.89' }],
    },
  ],
};

export default page;
