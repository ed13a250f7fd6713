import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { isLiteral } from './problems';

/**
 * A value as Terraform will read it in `stack`: literals as they are, tokens as the reference text
 * (`${azurerm_storage_account.Lake.id}`). Two tokens for one attribute differ as strings but resolve alike.
 * Resolve only in the stack that renders the value: resolving another stack's reference adds a cross-stack output.
 */
export function resolveIn(stack: TerraformStack, value: unknown): unknown {
  if (isLiteral(value)) return value;
  return Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
}
