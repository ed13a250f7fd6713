// Every rule set the stand-in applies, by provider, kind and type. A type without rules here is still checked by
// Terraform against its schema (names, types, required arguments, block counts); the rules add the provider's own.
import { AUTHORIZATION_RULES } from './authorization';
import { DATAPROTECTION_RULES } from './dataprotection';
import { LOGANALYTICS_RULES } from './loganalytics';
import { MONITOR_RULES } from './monitor';
import { PROVIDER_RULES } from './provider';
import { RESOURCE_RULES } from './resource';
import type { TypeRules } from './rule';
import { STORAGE_RULES } from './storage';
import { TIME_RULES } from './time';

const AZURERM: readonly TypeRules[] = [
  ...DATAPROTECTION_RULES,
  ...AUTHORIZATION_RULES,
  ...MONITOR_RULES,
  ...LOGANALYTICS_RULES,
  ...RESOURCE_RULES,
  ...STORAGE_RULES,
  ...PROVIDER_RULES,
];
const TIME: readonly TypeRules[] = [...TIME_RULES];

export function rulesFor(provider: 'azurerm' | 'time', kind: TypeRules['kind'], type: string): TypeRules | undefined {
  return (provider === 'azurerm' ? AZURERM : TIME).find((r) => r.kind === kind && r.type === type);
}
