import { CodeEntry } from './entry';

// The fleet spec as a document: reading it, and the rules that span its parts. A spec field that a construct
// takes is held to the construct's rule and reports the construct's code (ADLSBK-CONTAINER-NAME in
// `accounts[0].containers[0]` as in `containers[0]`).
export const FLEET_CODES = {
  'ADLSBK-SPEC-FILE': {
    title: 'The fleet spec file cannot be read',
    why: 'It does not exist, is not a file, or cannot be opened.',
    example: {
      kind: 'cli',
      wrong: 'adls-backup validate --config missing.yaml',
      right: 'adls-backup validate --config backup.yaml',
    },
  },
  'ADLSBK-SPEC-SYNTAX': {
    title: 'The fleet spec is not well-formed YAML or JSON',
    why: 'After a syntax error the rest of the document cannot be read as written.',
    example: { kind: 'spec', wrong: 'accounts: [', right: 'stackName: lake-backup' },
  },
  'ADLSBK-SPEC-AMBIGUOUS': {
    title: 'YAML the fleet would not read as written',
    why: 'A key given twice, a tag, an alias to nothing, a key YAML reads as a number or true: each would make the spec mean something other than what it shows.',
    example: { kind: 'spec', wrong: 'stackName: lake-backup\nstackName: lake-backup-2', right: 'stackName: lake-backup' },
  },
  'ADLSBK-STACK-NAME': {
    title: 'A stack name the fleet refuses',
    why: "The stack name is a folder under stacks/ and, with stackPerRegion, the prefix of every region's stack.",
    example: { kind: 'spec', wrong: 'stackName: lake backup', right: 'stackName: lake-backup' },
  },
  'ADLSBK-SPEC-POLICY-REFERENCE': {
    title: 'An account that names a policy the spec does not define, or none where it must',
    why: "Every account is protected by one of the spec's policies.",
    example: {
      kind: 'spec',
      wrong:
        'accounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    policy: weekly\n    containers: [raw]',
      right:
        'accounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    policy: daily\n    containers: [raw]',
    },
  },
  'ADLSBK-TERRAFORM-TOKEN': {
    title: 'A spec string that holds a cdktf token marker',
    why: 'Spec strings are data: cdktf would resolve a marker as a reference to another object.',
    example: {
      kind: 'spec',
      wrong: 'vaults:\n  tags:\n    team: ${TfToken[TOKEN.1]}',
      right: 'vaults:\n  tags:\n    team: data',
    },
  },
  'ADLSBK-SPEC-TEMPLATE': {
    title: 'A name template with a placeholder it cannot fill, or without the one it needs',
    why: 'Vault and resource group names take {region}, the state key {stack}; a key without {stack} would share one state between stacks.',
    example: { kind: 'spec', wrong: 'vaults:\n  name: bv-lake-{location}', right: 'vaults:\n  name: bv-lake-{region}' },
  },
  'ADLSBK-SPEC-COLLISION': {
    title: 'Two regions or accounts that would get the same vault, resource group or instance name',
    why: 'The second would overwrite the first, or its create would fail at apply.',
    example: {
      kind: 'spec',
      wrong:
        'vaults:\n  name: bv-lake\n  resourceGroupName: rg-backup\naccounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    containers: [raw]\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeneu01\n    region: northeurope\n    containers: [raw]',
      right:
        'vaults:\n  name: bv-lake-{region}\n  resourceGroupName: rg-backup\naccounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    containers: [raw]\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeneu01\n    region: northeurope\n    containers: [raw]',
    },
  },
} as const satisfies Record<string, CodeEntry>;
