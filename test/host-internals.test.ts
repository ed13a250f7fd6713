// What lib/private/host-internals.ts relies on in cdktf (or CDK Terrain, in the cdktn project) still holds. When a
// test here fails, the host changed: read the item's comment, then remove the item or adapt it.
import { Lazy, TerraformStack, Testing, Tokenization } from 'cdktf';
import { quietTokenStacks, stackOverride } from '../lib/private/host-internals';

const creationStackOf = (token: string) => Tokenization.reverseString(token).firstToken?.creationStack ?? [];

describe('token creation stacks', () => {
  test('outside the window, a token carries the stack it was made from (else the window is not needed)', () => {
    expect(creationStackOf(Lazy.stringValue({ produce: () => 'x' })).length).toBeGreaterThan(0);
  });

  test('inside the window, it carries none (else the window no longer works)', () => {
    const restore = quietTokenStacks();
    let token: string;
    try {
      token = Lazy.stringValue({ produce: () => 'x' });
    } finally {
      restore();
    }
    expect(creationStackOf(token)).toEqual([]);
  });
});

test('an override a user set is read back where cdktf keeps it (rawOverrides)', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  expect(stackOverride(stack, ['terraform', 'required_providers', 'azurerm', 'version'])).toBeUndefined();
  stack.addOverride('terraform.required_providers.azurerm.version', '~> 4.79');
  expect(stackOverride(stack, ['terraform', 'required_providers', 'azurerm', 'version'])).toBe('~> 4.79');
});
