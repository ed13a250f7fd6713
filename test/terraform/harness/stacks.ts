// The stacks under test, synthesized as users make them: the example apps through cdktf, and the fleet through the
// command line (`adls-backup synth`, in-process, the code bin/adls-backup.js runs). And the world they read: the
// storage accounts the examples and the fleet spec name, as ADLS Gen2 accounts in their regions.
import { mkdtempSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { CompleteStack } from '../../../examples/complete/main';
import { ExistingAccountStack } from '../../../examples/existing-account/main';
import { QuickstartStack } from '../../../examples/quickstart/main';
import { UnprotectedAccountStack } from '../../../examples/unprotected-account/main';
import { BackupResourceGuard } from '../../../lib';
import { AzurermProvider } from '../../../lib/azurerm/generated';
import { run } from '../../../lib/cli/main';
import { loadFleetSpec } from '../../../lib/fleet';
import { normalizeRegion } from '../../../lib/regions';
import type { World, WorldEntry } from '../stand-in/world';
import { REPO } from './build';
import { PIPELINE_SUBSCRIPTION } from './workspace';

export const FLEET_SPEC = join(REPO, 'examples', 'fleet', 'backup.yaml');

export interface StackDir {
  readonly name: string;
  readonly dir: string;
}

function stacksIn(outdir: string): StackDir[] {
  const stacks = join(outdir, 'stacks');
  return readdirSync(stacks).map((name) => ({ name, dir: join(stacks, name) }));
}

/** The three example apps, synthesized by cdktf into a fresh folder. */
export function synthExamples(): StackDir[] {
  const outdir = mkdtempSync(join(tmpdir(), 'adls-examples-'));
  const app = new App({ outdir, stackTraces: false });
  new QuickstartStack(app, 'quickstart');
  new CompleteStack(app, 'complete');
  new ExistingAccountStack(app, 'existing-account');
  app.synth();
  return stacksIn(outdir);
}

/**
 * The stacks no example app synthesizes as it stands: the unprotected-account example with both accounts
 * protected (as written it fails the compliance check on purpose), and a Resource Guard (it belongs in a security
 * team's subscription, so no example creates one).
 */
export function synthExtras(): StackDir[] {
  const outdir = mkdtempSync(join(tmpdir(), 'adls-extras-'));
  const app = new App({ outdir, stackTraces: false });
  new UnprotectedAccountStack(app, 'unprotected-account', { protectBoth: true });
  const guard = new TerraformStack(app, 'resource-guard');
  new AzurermProvider(guard, 'azurerm', { features: [{}], resourceProviderRegistrations: 'none' });
  new BackupResourceGuard(guard, 'Guard', { name: 'rg-guard-weu', resourceGroupName: 'rg-security', location: 'westeurope' });
  app.synth();
  return stacksIn(outdir);
}

/** `adls-backup synth --config <spec> --out <dir>`; throws with its output when it does not exit 0. */
export function synthFleet(spec: string = FLEET_SPEC): { out: string; stacks: StackDir[] } {
  const out = join(mkdtempSync(join(tmpdir(), 'adls-fleet-')), 'cdktf.out');
  let output = '';
  const code = run(['synth', '--config', spec, '--out', out], {
    stdout: (t) => (output += t),
    stderr: (t) => (output += t),
    env: {},
  });
  if (code !== 0) throw new Error(`adls-backup synth exited ${code}:\n${output}`);
  return { out, stacks: stacksIn(out) };
}

export interface Account {
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly containers?: readonly string[];
  /** What makes an account one Azure Backup for ADLS refuses (the library's preconditions). */
  readonly isHnsEnabled?: boolean;
  readonly nfsv3Enabled?: boolean;
  readonly accountKind?: string;
  readonly accountTier?: string;
}

export function accountId(a: Account): string {
  return `/subscriptions/${a.subscription}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}`;
}

/** An ADLS Gen2 account as `data "azurerm_storage_account"` and `data "azurerm_storage_containers"` see it. */
function accountEntries(a: Account): { account: WorldEntry; containers: WorldEntry } {
  const id = accountId(a);
  return {
    account: {
      where: { name: a.name, resource_group_name: a.resourceGroup },
      subscription: a.subscription,
      values: {
        id,
        location: a.location,
        account_kind: a.accountKind ?? 'StorageV2',
        account_tier: a.accountTier ?? 'Standard',
        account_replication_type: 'ZRS',
        is_hns_enabled: a.isHnsEnabled ?? true,
        nfsv3_enabled: a.nfsv3Enabled ?? false,
        primary_blob_endpoint: `https://${a.name}.blob.core.windows.net/`,
      },
    },
    containers: {
      where: { storage_account_id: id },
      values: {
        id,
        containers: (a.containers ?? []).map((name) => ({
          name,
          data_plane_id: `https://${a.name}.blob.core.windows.net/${name}`,
          resource_manager_id: `${id}/blobServices/default/containers/${name}`,
        })),
      },
    },
  };
}

export function worldOf(accounts: readonly Account[]): World {
  const entries = accounts.map(accountEntries);
  return {
    data: {
      azurerm_storage_account: entries.map((e) => e.account),
      azurerm_storage_containers: entries.map((e) => e.containers),
    },
  };
}

/** The accounts of a fleet spec, each in the region the spec gives it. */
export function fleetAccounts(spec: string = FLEET_SPEC): Account[] {
  return loadFleetSpec(spec).spec.accounts.map((a) => {
    const [, subscription, , resourceGroup, , , , name] = a.id.split('/').slice(1);
    return { subscription, resourceGroup, name, location: normalizeRegion(a.region), containers: a.containers };
  });
}

/** The account the existing-account example reads (examples/existing-account/main.ts). */
export const EXISTING_ACCOUNT: Account = {
  subscription: PIPELINE_SUBSCRIPTION,
  resourceGroup: 'rg-data-neu',
  name: 'lakeneu07',
  location: 'northeurope',
};

export const EXAMPLE_WORLD: World = worldOf([...fleetAccounts(), EXISTING_ACCOUNT]);
