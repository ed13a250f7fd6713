// The library's model of Go's net/url.Parse, which azurerm's webhook check (the SDK's validation.IsURLWithScheme in
// vendor/.../helper/validation/web.go) relies on: what Go accepts passes, what it refuses is named.
import { goUrlProblem } from '../lib/private/go-url';

describe("Go's url.Parse, as vendor/.../helper/validation/web.go IsURLWithScheme uses it", () => {
  test.each([
    'https://hooks.example.com',
    'https://hooks.example.com/services/T000/B000?x=%20y#top',
    'https://user:pa%20ss@hooks.example.com:8443/p',
    'https://[2001:db8::1]:443/x',
    'https://hooks.example.com/ünïcode',
  ])('accepts %s', (url) => expect(goUrlProblem(url)).toBeUndefined());

  test.each([
    ['https://hooks.example.com/a%zz', 'an invalid percent escape in the path'],
    ['https://hooks.example.com/a%', 'an invalid percent escape in the path'],
    ['https://hooks example.com/x', 'an invalid character or escape in the host'],
    ['https://{hooks}.example.com/x', 'an invalid character or escape in the host'],
    ['https://h%41.example.com/', 'an escaped ASCII character in the host'],
    ['https://us er@hooks.example.com/x', 'invalid user info'],
    ['https://hooks.example.com:44a/x', 'an invalid port'],
    ['https://hooks.example.com/#a%zz', 'an invalid percent escape in the fragment'],
    ['https://hooks.example.com/\u0007', 'a control character'],
    ['hooks.example.com/x', 'no scheme'],
    ['https:/hooks.example.com', 'no host'],
    ['https:///x', 'no host'],
  ])('refuses %s: %s', (url, problem) => expect(goUrlProblem(url)).toBe(problem));
});
