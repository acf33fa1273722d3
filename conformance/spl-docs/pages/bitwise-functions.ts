// Search Reference, "Bitwise functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const one = (name: string, expression: string, result: string | null) => ({
  name,
  spl: `| makeresults | eval result = ${expression}`,
  rows: [{ result }],
});

const page: DocPage = {
  title: 'Bitwise functions',
  path: 'evaluation-functions/bitwise-functions',
  examples: [
    one('bit_and', 'bit_and(12, 9)', '8'),
    one('bit_or', 'bit_or(4, 2)', '6'),
    {
      name: 'bit_not: with and without a bitmask',
      spl: '| makeresults | eval long_result = bit_not(9), short_result = bit_not(9, tonumber("1111", 2)) | eval long_binary = tostring(long_result, "binary"), short_binary = tostring(short_result, "binary")',
      rows: [
        {
          long_binary: '11111111111111111111111111111111111111111111111110110',
          long_result: '9007199254740982',
          short_binary: '110',
          short_result: '6',
        },
      ],
    },
    one('bit_xor', 'bit_xor(3, 2)', '1'),
    one('bit_shift_left', 'bit_shift_left(2, 1)', '4'),
    one('bit_shift_left: past 53 bits is 0', 'bit_shift_left(1, 53)', '0'),
    one('bit_shift_left(3, 1)', 'bit_shift_left(3, 1)', '6'),
    one(
      'bit_shift_left(3, 52): the top bit falls off',
      'bit_shift_left(3, 52)',
      '4503599627370496',
    ),
    one('bit_shift_left(3, 57)', 'bit_shift_left(3, 57)', '0'),
    one('bit_shift_left(67, 1)', 'bit_shift_left(67, 1)', '134'),
    one('bit_shift_left: a negative offset is null', 'bit_shift_left(3, -2)', null),
    one('bit_shift_right: a negative value is null', 'bit_shift_right(-3, 1)', null),
    one('bit_shift_right', 'bit_shift_right(4, 1)', '2'),
    {
      name: 'example 1: AND, OR and XOR of 4 and 6',
      spl: '| makeresults | eval AND_result = bit_and(4, 6), OR_result = bit_or(4, 6), XOR_result = bit_xor(4, 6)',
      rows: [{ AND_result: '4', OR_result: '6', XOR_result: '2' }],
    },
    {
      name: 'example 2: shifts of 2',
      spl: '| makeresults | eval LEFT_result = bit_shift_left(2,1), RIGHT_result = bit_shift_right(2,1)',
      rows: [{ LEFT_result: '4', RIGHT_result: '1' }],
    },
    {
      name: 'example 3: the binary text of a shift',
      spl: '| makeresults | eval LEFT_result = bit_shift_left(2,1) | eval string = tostring(LEFT_result, "binary")',
      rows: [{ LEFT_result: '4', string: '100' }],
    },
    {
      name: 'example 4: NOT with and without a 3-bit mask',
      spl: '| makeresults | eval NOT_result = bit_not(9) | eval string = tostring(NOT_result, "binary")',
      rows: [
        {
          NOT_result: '9007199254740982',
          string: '11111111111111111111111111111111111111111111111110110',
        },
      ],
    },
    {
      name: 'example 4: a 3-bit mask',
      spl: '| makeresults | eval NOT_result = bit_not(9, tonumber("111",2)) | eval string = tostring(NOT_result, "binary")',
      rows: [{ NOT_result: '6', string: '110' }],
    },
    {
      name: 'example 5: a value past 2^53-1 gives no result',
      spl: '| makeresults | eval max_supported_val = pow(2, 53)-1 | eval result = bit_and(max_supported_val + 1, 1)',
      rows: [{ max_supported_val: '9007199254740991', result: null }],
    },
    {
      name: 'example 6: setting flags',
      spl: '| makeresults | eval flags = "00010", result = tonumber(flags, 2) | eval result = bit_or(result, tonumber("11001", 2)) | eval result = tostring(result, "binary")',
      rows: [{ flags: '00010', result: '11011' }],
    },
    {
      name: 'example 8: matching bits of two binary strings',
      spl: '| makeresults | eval bin_number1 = "10011", bin_number2 = "10001", number1 = tonumber(bin_number1, 2), number2 = tonumber(bin_number2, 2) | eval matching_bits = bit_xor(number1, number2) | eval matching_bits = bit_not(matching_bits, tonumber("11111",2)) | eval matching_bits = tostring(matching_bits, "binary")',
      rows: [{ matching_bits: '11101', number1: '19', number2: '17' }],
    },
    {
      name: 'example 9: appending a flag bit',
      spl: '| makeresults | eval flags = "10001", result = tonumber(flags, 2), flag_bool = 1 | eval result = bit_shift_left(result, 1) | eval result = bit_or(result, flag_bool) | eval result = tostring(result, "binary")',
      rows: [{ flags: '10001', flag_bool: '1', result: '100011' }],
    },
    {
      name: 'example 10: nested operations',
      spl: '| makeresults | eval streamId = tonumber("0xa3b7514f19ce7", 16), result = bit_and(bit_shift_right(streamId,8), tonumber("0xFFFFFFFF",16))',
      rows: [{ result: '1964306844', streamId: '2880123815697639' }],
    },
  ],
};

export default page;
