import type { Check, Value } from '../stand-in/rules/rule';
import {
  all,
  any,
  floatAtLeast,
  floatAtMost,
  floatBetween,
  floatInSlice,
  GO_1_25_URL_VALIDATORS,
  goQuoteSlice,
  goSliceV,
  goTimeParseRFC3339,
  intAtLeast,
  intAtMost,
  intBetween,
  intDivisibleBy,
  intInSlice,
  intNotInSlice,
  intPositive,
  isCIDR,
  isDayOfTheWeek,
  isIPAddress,
  isIPv4Address,
  isIPv6Address,
  isKnown,
  isMonth,
  isPortNumber,
  isPortNumberOrZero,
  isRFC3339Time,
  isURLWithHTTPorHTTPS,
  isURLWithHTTPS,
  isURLWithPath,
  isURLWithScheme,
  isUUID,
  listItemsBetween,
  listOfUniqueStrings,
  mapKeyLenBetween,
  mapKeyMatch,
  mapValueLenBetween,
  mapValueMatch,
  none,
  noZeroValues,
  stringDoesNotContainAny,
  stringDoesNotMatch,
  stringDoesNotStartWithOneOf,
  stringInSlice,
  stringIsBase64,
  stringIsEmpty,
  stringIsJSON,
  stringIsNotEmpty,
  stringIsNotWhiteSpace,
  stringIsWhiteSpace,
  stringLenBetween,
  stringMatch,
  stringNotInSlice,
  stringStartsWithOneOf,
} from '../stand-in/rules/validation';

/** A check's accepted values (no messages) and refused ones (exactly these messages), with the key `k`. */
function expectCheck(check: Check, accepted: Value[], refused: [Value, string[]][]) {
  for (const value of accepted) expect({ value, messages: check(value, 'k') }).toEqual({ value, messages: [] });
  for (const [value, messages] of refused) expect({ value, messages: check(value, 'k') }).toEqual({ value, messages });
}

describe('Go formatting helpers', () => {
  test('%q and %v of slices', () => {
    expect(goQuoteSlice(['a', 'b "c"'])).toBe('["a" "b \\"c\\""]');
    expect(goSliceV(['a', 'b'])).toBe('[a b]');
    expect(goSliceV([1, 2, 3])).toBe('[1 2 3]');
  });

  test('isKnown tells the unknown placeholder from values', () => {
    expect([isKnown({ unknown: true }), isKnown({ a: 'b' }), isKnown(null), isKnown('x')]).toEqual([false, true, true, true]);
  });
});

describe('strings.go', () => {
  test('stringIsNotEmpty', () =>
    expectCheck(
      stringIsNotEmpty,
      ['a', ' '],
      [
        ['', ['expected "k" to not be an empty string, got ']],
        [1, ['expected type of "k" to be string']],
      ],
    ));

  test('stringIsNotWhiteSpace: Go trims Unicode White_Space (U+0085 too, not U+FEFF)', () =>
    expectCheck(
      stringIsNotWhiteSpace,
      ['a', ' a ', '\ufeff'],
      [
        ['', ['expected "k" to not be an empty string or whitespace']],
        [' \t\n\u0085\u00a0\u3000', ['expected "k" to not be an empty string or whitespace']],
      ],
    ));

  test('stringIsEmpty and stringIsWhiteSpace', () => {
    expectCheck(stringIsEmpty, [''], [['x', ['expected "k" to be an empty string: got x']]]);
    expectCheck(stringIsWhiteSpace, ['', ' \t'], [['x ', ['expected "k" to be an empty string or whitespace: got x ']]]);
  });

  test('stringLenBetween counts UTF-8 bytes', () =>
    expectCheck(
      stringLenBetween(2, 4),
      ['ab', 'abcd', 'é'],
      [
        ['a', ['expected length of k to be in the range (2 - 4), got a']],
        ['ééé', ['expected length of k to be in the range (2 - 4), got ééé']],
        [true, ['expected type of k to be string']],
      ],
    ));

  test('stringMatch with and without a message', () => {
    expectCheck(stringMatch(/^[a-z]+$/, 'lower case only'), ['abc'], [['aBc', ['invalid value for k (lower case only)']]]);
    expectCheck(
      stringMatch(/^a\/b$/, ''),
      ['a/b'],
      [['ab', ['expected value of k to match regular expression "^a/b$", got ab']]],
    );
  });

  test('stringDoesNotMatch', () => {
    expectCheck(
      stringDoesNotMatch(/^-/, ''),
      ['a-'],
      [['-a', ['expected value of k to not match regular expression "^-", got -a']]],
    );
    expectCheck(stringDoesNotMatch(/^-/, 'no leading dash'), ['a'], [['-a', ['invalid value for k (no leading dash)']]]);
  });

  test('stringInSlice prints the slice with %q', () => {
    expectCheck(stringInSlice(['On', 'Off'], false), ['On'], [['on', ['expected k to be one of ["On" "Off"], got on']]]);
    expectCheck(stringInSlice(['On', 'Off'], true), ['on', 'OFF'], [['of', ['expected k to be one of ["On" "Off"], got of']]]);
  });

  test('stringNotInSlice prints the slice with %v', () =>
    expectCheck(stringNotInSlice(['a', 'b'], true), ['c'], [['B', ['expected k to not be any of [a b], got B']]]));

  test('stringDoesNotContainAny', () =>
    expectCheck(
      stringDoesNotContainAny('/é'),
      ['abc', 'e'],
      [['aé', ['expected value of k to not contain any of "/é", got aé']]],
    ));

  test('stringIsBase64: padded standard alphabet, newlines ignored', () =>
    expectCheck(
      stringIsBase64,
      ['aGVsbG8=', 'aGVs\nbG8=', 'YQ=='],
      [
        ['aGVsbG8', ['expected "k" to be a base64 string, got aGVsbG8']],
        ['a-_b', ['expected "k" to be a base64 string, got a-_b']],
        ['', ['expected "k" to not be an empty string, got ']],
      ],
    ));

  test("stringIsJSON gives encoding/json's syntax errors", () =>
    expectCheck(
      stringIsJSON,
      ['', '{"a":[1,2.5e3,true,null,"x\\u00e9"]}', ' 1 '],
      [
        ['{', ['"k" contains an invalid JSON: unexpected end of JSON input']],
        ['{"a":}', ['"k" contains an invalid JSON: invalid character \'}\' looking for beginning of value']],
        ['[1,]', ['"k" contains an invalid JSON: invalid character \']\' looking for beginning of value']],
        [
          '{"a":"1e400","b":[1e400]}',
          ['"k" contains an invalid JSON: json: cannot unmarshal number 1e400 into Go value of type float64'],
        ],
        ['tru', ["\"k\" contains an invalid JSON: invalid character ' ' in literal true (expecting 'e')"]],
        ['nul!', ["\"k\" contains an invalid JSON: invalid character '!' in literal null (expecting 'l')"]],
        ['{"a" 1}', ['"k" contains an invalid JSON: invalid character \'1\' after object key']],
        ['{"a":1 "b"}', ['"k" contains an invalid JSON: invalid character \'"\' after object key:value pair']],
        ['[1 2]', ['"k" contains an invalid JSON: invalid character \'2\' after array element']],
        ['01', ['"k" contains an invalid JSON: invalid character \'1\' after top-level value']],
        ['{a:1}', ['"k" contains an invalid JSON: invalid character \'a\' looking for beginning of object key string']],
        ['"\\x"', ['"k" contains an invalid JSON: invalid character \'x\' in string escape code']],
        ['"\\u12g4"', ['"k" contains an invalid JSON: invalid character \'g\' in \\u hexadecimal character escape']],
        ['"a\tb"', ['"k" contains an invalid JSON: invalid character \'\\t\' in string literal']],
        ['1.', ['"k" contains an invalid JSON: invalid character \' \' after decimal point in numeric literal']],
        ['1e+', ['"k" contains an invalid JSON: invalid character \' \' in exponent of numeric literal']],
        ['-a', ['"k" contains an invalid JSON: invalid character \'a\' in numeric literal']],
        ["'a'", ["\"k\" contains an invalid JSON: invalid character '\\'' looking for beginning of value"]],
      ],
    ));

  test('stringStartsWithOneOf and stringDoesNotStartWithOneOf (internal/tf/validation)', () => {
    expectCheck(stringStartsWithOneOf('a', 'b'), ['apple', 'b'], [['cat', ['expect k to start with one of a, b, got "cat"']]]);
    expectCheck(
      stringDoesNotStartWithOneOf('_', '.'),
      ['a_'],
      [
        ['_a', ['expected `k` to not start with one of _, ., got `_a`']],
        [1, ['expected type of `k` to be string']],
      ],
    );
  });
});

describe('int.go and float.go', () => {
  test('intBetween, intAtLeast, intAtMost', () => {
    expectCheck(
      intBetween(1, 3),
      [1, 3],
      [
        [0, ['expected k to be in the range (1 - 3), got 0']],
        ['2', ['expected type of k to be integer']],
      ],
    );
    expectCheck(intAtLeast(2), [2], [[1, ['expected k to be at least (2), got 1']]]);
    expectCheck(intAtMost(2), [2], [[3, ['expected k to be at most (2), got 3']]]);
    expectCheck(intPositive, [1], [[0, ['expected k to be at least (1), got 0']]]);
  });

  test('intDivisibleBy, intInSlice, intNotInSlice', () => {
    expectCheck(intDivisibleBy(5), [0, 10], [[7, ['expected k to be divisible by 5, got: 7']]]);
    expectCheck(intInSlice([30, 60]), [30], [[45, ['expected k to be one of [30 60], got 45']]]);
    expectCheck(
      intNotInSlice([1, 1]),
      [2],
      [[1, ['expected k to not be one of [1 1], got 1', 'expected k to not be one of [1 1], got 1']]],
    );
  });

  test('floatBetween, floatAtLeast, floatAtMost print %f', () => {
    expectCheck(
      floatBetween(14, 180),
      [14, 99.5, 180],
      [
        [13.9, ['expected k to be in the range (14.000000 - 180.000000), got 13.900000']],
        ['14', ['expected type of k to be float64']],
      ],
    );
    expectCheck(
      floatAtLeast(0.5),
      [0.5],
      [
        [0.25, ['expected k to be at least (0.500000), got 0.250000']],
        [null, ['expected type of k to be float']],
      ],
    );
    expectCheck(floatAtMost(1), [1], [[1.5, ['expected k to be at most (1.000000), got 1.500000']]]);
    expectCheck(
      floatInSlice([0.5, 2]),
      [2],
      [
        [1, ['expected k to be one of [0.5 2], got 1.000000']],
        ['x', ['expected type of x to be float']],
      ],
    );
  });
});

describe('list.go, map.go and list lengths', () => {
  test('listOfUniqueStrings', () =>
    expectCheck(
      listOfUniqueStrings,
      [[], ['a', 'b']],
      [
        [['a', 'b', 'a'], ['expected "k" to not have duplicates: found 2 or more of a']],
        [['b', 'a', 'a', 'b'], ['expected "k" to not have duplicates: found 2 or more of b']],
        [['a', 1], ['expected "k" to only contain string elements, found :1']],
        ['a', ['expected type of "k" to be List']],
      ],
    ));

  test("listItemsBetween gives the SDK's MinItems/MaxItems diagnostics, and skips partly unknown lists", () =>
    expectCheck(
      listItemsBetween(1, 2),
      [['a'], ['a', 'b'], [{ unknown: true }, 'b', 'c']],
      [
        [[], ['Not enough list items: Attribute k requires 1 item minimum, but config has only 0 declared.']],
        [['a', 'b', 'c'], ['Too many list items: Attribute k supports 2 item maximum, but config has 3 declared.']],
      ],
    ));

  test('listItemsBetween with no maximum', () =>
    expectCheck(
      listItemsBetween(1, 0),
      [new Array<Value>(2000).fill('x')],
      [[[], ['Not enough list items: Attribute k requires 1 item minimum, but config has only 0 declared.']]],
    ));

  test('map validators walk the keys in byte order', () => {
    expectCheck(
      mapKeyLenBetween(1, 3),
      [{ abc: 'x' }],
      [
        [
          { zzzz: 'x', é: 'y', aaaa: 'z' },
          [
            'Bad map key length: Map key lengths should be in the range (1 - 3): aaaa (length = 4)',
            'Bad map key length: Map key lengths should be in the range (1 - 3): zzzz (length = 4)',
          ],
        ],
      ],
    );
    expectCheck(
      mapValueLenBetween(1, 2),
      [{ a: 'xy' }],
      [
        [
          { b: '', a: 1 },
          [
            'Bad map value type: Map values should be strings: a => 1 (type = int)',
            'Bad map value length: Map value lengths should be in the range (1 - 2): b =>  (length = 0)',
          ],
        ],
      ],
    );
    expectCheck(
      mapKeyMatch(/^[a-z]+$/, ''),
      [{ ab: 'x' }],
      [[{ Ab: 'x' }, ['Invalid map key: Map key expected to match regular expression "^[a-z]+$": Ab']]],
    );
    expectCheck(mapKeyMatch(/^[a-z]+$/, 'lower case keys'), [], [[{ A: 'x' }, ['Invalid map key: lower case keys: A']]]);
    expectCheck(
      mapValueMatch(/^[0-9]+$/, ''),
      [{ a: '1' }],
      [[{ a: 'x' }, ['Invalid map value: Map value expected to match regular expression "^[0-9]+$": a => x']]],
    );
  });
});

describe('meta.go', () => {
  test('noZeroValues, and its panic on a bool', () => {
    expectCheck(
      noZeroValues,
      ['a', 1, true],
      [
        ['', ['k must not be empty, got ']],
        [0, ['k must not be zero, got 0']],
      ],
    );
    expect(() => noZeroValues(false, 'k')).toThrow("panic: can't use NoZeroValues with bool attribute k");
  });

  test('all gives every message, any passes when one passes', () => {
    const checks = [stringLenBetween(2, 3), stringMatch(/^[a-z]+$/, 'lower')];
    expectCheck(
      all(...checks),
      ['ab'],
      [['A', ['expected length of k to be in the range (2 - 3), got A', 'invalid value for k (lower)']]],
    );
    expectCheck(
      any(...checks),
      ['A1', 'a'],
      [['A', ['expected length of k to be in the range (2 - 3), got A', 'invalid value for k (lower)']]],
    );
  });

  test('none (internal/tf/validation) names each validator that passes', () =>
    expectCheck(
      none({ UUID: isUUID, 'IPv4 address': isIPv4Address }),
      ['x'],
      [['00000000-0000-0000-0000-000000000000', ['ID cannot be a UUID']]],
    ));
});

describe('network.go', () => {
  test('isIPAddress: net.ParseIP, no zones, no leading zeros', () =>
    expectCheck(
      isIPAddress,
      ['192.0.2.1', '::1', '::ffff:192.0.2.1'],
      [
        ['192.0.2.01', ['expected k to contain a valid IP, got: 192.0.2.01']],
        ['fe80::1%eth0', ['expected k to contain a valid IP, got: fe80::1%eth0']],
        [1, ['expected type of "k" to be string']],
      ],
    ));

  test('isIPv4Address accepts IPv4-mapped IPv6; isIPv6Address accepts any IP', () => {
    expectCheck(
      isIPv4Address,
      ['10.0.0.1', '::ffff:10.0.0.1', '0:0:0:0:0:ffff:a00:1'],
      [['::1', ['expected k to contain a valid IPv4 address, got: ::1']]],
    );
    expectCheck(isIPv6Address, ['::1', '10.0.0.1'], [['10.0.0', ['expected k to contain a valid IPv6 address, got: 10.0.0']]]);
  });

  test('isCIDR: net.ParseCIDR', () =>
    expectCheck(
      isCIDR,
      ['10.0.0.0/8', '10.1.2.3/32', '::/0', '2001:db8::/032'],
      [
        ['10.0.0.0/33', ['expected "k" to be a valid CIDR Value, got 10.0.0.0/33: invalid CIDR address: 10.0.0.0/33']],
        ['10.0.0.0', ['expected "k" to be a valid CIDR Value, got 10.0.0.0: invalid CIDR address: 10.0.0.0']],
        ['10.0.0.0/+8', ['expected "k" to be a valid CIDR Value, got 10.0.0.0/+8: invalid CIDR address: 10.0.0.0/+8']],
        [[], ['expected type of k to be string']],
      ],
    ));

  test('isPortNumber and isPortNumberOrZero', () => {
    expectCheck(isPortNumber, [1, 65535], [[0, ['expected "k" to be a valid port number, got: 0']]]);
    expectCheck(isPortNumberOrZero, [0], [[65536, ['expected "k" to be a valid port number or 0, got: 65536']]]);
  });
});

describe('time.go and uuid.go', () => {
  test('isDayOfTheWeek and isMonth', () => {
    expectCheck(
      isDayOfTheWeek(false),
      ['Monday'],
      [
        [
          'monday',
          ['expected k to be one of ["Monday" "Tuesday" "Wednesday" "Thursday" "Friday" "Saturday" "Sunday"], got monday'],
        ],
      ],
    );
    expectCheck(
      isMonth(true),
      ['march'],
      [
        [
          'Marchh',
          [
            'expected k to be one of ["January" "February" "March" "April" "May" "June" "July" "August" "September" "October" "November" "December"], got Marchh',
          ],
        ],
      ],
    );
  });

  test('isRFC3339Time: time.Parse(time.RFC3339) with its lenient reading', () =>
    expectCheck(
      isRFC3339Time,
      [
        '2023-01-01T00:00:00Z',
        '2023-01-01T00:00:00.123+01:00',
        '2023-01-01T1:02:03Z',
        '2023-01-01T00:00:00,5Z',
        '2024-02-29T00:00:00-24:00',
      ],
      [
        [
          '2023-13-01T00:00:00Z',
          [
            'expected "k" to be a valid RFC3339 date, got "2023-13-01T00:00:00Z": parsing time "2023-13-01T00:00:00Z": month out of range',
          ],
        ],
        [
          '2023-02-29T00:00:00Z',
          [
            'expected "k" to be a valid RFC3339 date, got "2023-02-29T00:00:00Z": parsing time "2023-02-29T00:00:00Z": day out of range',
          ],
        ],
        [
          '2023-01-01 00:00:00Z',
          [
            'expected "k" to be a valid RFC3339 date, got "2023-01-01 00:00:00Z": parsing time "2023-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"',
          ],
        ],
      ],
    ));

  test.each([
    ['2023-01-01T00:00:00', 'parsing time "2023-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    [
      '23-01-01T00:00:00Z',
      'parsing time "23-01-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "23-01-01T00:00:00Z" as "2006"',
    ],
    [
      '2023-1-01T00:00:00Z',
      'parsing time "2023-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"',
    ],
    ['2023-01-01T24:00:00Z', 'parsing time "2023-01-01T24:00:00Z": hour out of range'],
    ['2023-01-01T00:60:00Z', 'parsing time "2023-01-01T00:60:00Z": minute out of range'],
    ['2023-01-01T00:00:60Z', 'parsing time "2023-01-01T00:00:60Z": second out of range'],
    ['2023-01-01T00:00:00+25:00', 'parsing time "2023-01-01T00:00:00+25:00": time zone offset hour out of range'],
    ['2023-01-01T00:00:00+01:61', 'parsing time "2023-01-01T00:00:00+01:61": time zone offset minute out of range'],
    ['2023-01-01T00:00:00z', 'parsing time "2023-01-01T00:00:00z" as "2006-01-02T15:04:05Z07:00": cannot parse "z" as "Z07:00"'],
    ['2023-01-01T00:00:00Zjunk', 'parsing time "2023-01-01T00:00:00Zjunk": extra text: "junk"'],
    ['2023-01-01T00:00:00Z\u00e9', 'parsing time "2023-01-01T00:00:00Z\\xc3\\xa9": extra text: "\\xc3\\xa9"'],
  ])('goTimeParseRFC3339(%j) is %j', (value, error) => {
    expect(goTimeParseRFC3339(value)).toBe(error);
  });

  test('isUUID: hashicorp/go-uuid ParseUUID', () =>
    expectCheck(
      isUUID,
      ['00000000-0000-0000-0000-000000000000', 'ABCDEF01-2345-6789-abcd-ef0123456789'],
      [
        ['00000000-0000-0000-0000-00000000000', ['expected "k" to be a valid UUID, got 00000000-0000-0000-0000-00000000000']],
        ['00000000000000000000000000000000', ['expected "k" to be a valid UUID, got 00000000000000000000000000000000']],
        ['g0000000-0000-0000-0000-000000000000', ['expected "k" to be a valid UUID, got g0000000-0000-0000-0000-000000000000']],
      ],
    ));
});

describe('web.go (url.Parse, then a host and a scheme)', () => {
  test('isURLWithHTTPS', () =>
    expectCheck(
      isURLWithHTTPS,
      ['https://hooks.example.com/services/x?y=1', 'https://[2001:db8::1]:443/x'],
      [
        ['http://hooks.example.com', ['expected "k" to have a url with schema of: "https", got http://hooks.example.com']],
        ['https:///x', ['expected "k" to have a host, got https:///x']],
        ['', ['expected "k" url to not be empty, got ']],
        [2, ['expected type of "k" to be string']],
      ],
    ));

  // The webhook URLs the project once accepted although Go's parser refuses them.
  test.each([
    ['https://hooks.example.com/a%zz', 'parse "https://hooks.example.com/a%zz": invalid URL escape "%zz"'],
    ['https://hooks example.com/x', 'parse "https://hooks example.com/x": invalid character " " in host name'],
    ['https://{hooks}.example.com/x', 'parse "https://{hooks}.example.com/x": invalid character "{" in host name'],
    ['https://us er@hooks.example.com/x', 'parse "https://us er@hooks.example.com/x": net/url: invalid userinfo'],
  ])('isURLWithHTTPS refuses %s', (url, error) => {
    expect(isURLWithHTTPS(url, 'service_uri')).toEqual([`expected "service_uri" to be a valid url, got ${url}: ${error}`]);
  });

  test('isURLWithHTTPorHTTPS and isURLWithScheme', () => {
    expectCheck(
      isURLWithHTTPorHTTPS,
      ['http://a.example', 'https://a.example'],
      [['ftp://a.example', ['expected "k" to have a url with schema of: "http,https", got ftp://a.example']]],
    );
    expectCheck(
      isURLWithScheme(['ftp']),
      ['FTP://a.example'],
      [['mailto:a@b.example', ['expected "k" to have a host, got mailto:a@b.example']]],
    );
  });

  test('isURLWithPath (internal/tf/validation)', () =>
    expectCheck(
      isURLWithPath,
      ['https://a.example/p', '/p'],
      [
        ['https://a.example/', ['expected "k" to have a non empty path got https://a.example/']],
        ['https://a.example', ['expected "k" to have a non empty path got https://a.example']],
      ],
    ));

  test('a second colon in an http host: refused from azurerm 4.76.0 (Go 1.26), read as host:port before', () => {
    expect(isURLWithHTTPS('https://a.example:443:443/', 'k')).toEqual([
      'expected "k" to be a valid url, got https://a.example:443:443/: parse "https://a.example:443:443/": invalid port ":443:443" after host',
    ]);
    expect(GO_1_25_URL_VALIDATORS.isURLWithHTTPS('https://a.example:443:443/', 'k')).toEqual([]);
    expect(GO_1_25_URL_VALIDATORS.isURLWithHTTPS('https://a b/', 'k')).toEqual([
      'expected "k" to be a valid url, got https://a b/: parse "https://a b/": invalid character " " in host name',
    ]);
  });
});
