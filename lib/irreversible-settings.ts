import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { Problems } from './private/problems';

/**
 * Vault settings Azure never lets you undo. Each must be named in `BackupVaultProps.acknowledgeIrreversible`
 * before the vault sets it, so that a copy-pasted value cannot lock a vault by accident.
 * @see https://learn.microsoft.com/azure/backup/backup-azure-immutable-vault-concept
 */
export enum IrreversibleSetting {
  /** `softDelete: SoftDelete.ALWAYS_ON`: soft delete can never be turned off again. */
  SOFT_DELETE_ALWAYS_ON = 'SoftDeleteAlwaysOn',
  /** `immutability: Immutability.LOCKED`: recovery points can never be deleted or shortened before they expire. */
  IMMUTABILITY_LOCKED = 'ImmutabilityLocked',
  /** `crossRegionRestore: true`: cannot be turned off; doing so in Terraform replaces the vault. */
  CROSS_REGION_RESTORE = 'CrossRegionRestore',
}

/** Which irreversible settings a vault's props ask for, with the prop that asks. */
export interface RequestedSettings {
  readonly softDelete?: string;
  readonly immutability?: string;
  readonly crossRegionRestore?: boolean;
  readonly acknowledgeIrreversible?: readonly IrreversibleSetting[];
}

const SETTING_FIELD: Record<IrreversibleSetting, string> = {
  [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON]: 'softDelete',
  [IrreversibleSetting.IMMUTABILITY_LOCKED]: 'immutability',
  [IrreversibleSetting.CROSS_REGION_RESTORE]: 'crossRegionRestore',
};

const WARNING: Record<IrreversibleSetting, string> = {
  [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON]:
    'softDelete AlwaysOn is irreversible: soft delete can never be turned off for this vault.',
  [IrreversibleSetting.IMMUTABILITY_LOCKED]:
    'immutability Locked is irreversible: recovery points can never be deleted before they expire.',
  [IrreversibleSetting.CROSS_REGION_RESTORE]:
    'crossRegionRestore is irreversible: once on, turning it off replaces the vault (and loses its recovery points). ' +
    "ADLS vaulted backups cannot use it (Azure restores them only in the vault's region); it serves other datasources of the vault.",
};

/** The irreversible settings that `p` turns on. */
function requestedIrreversible(p: RequestedSettings): IrreversibleSetting[] {
  const requested: IrreversibleSetting[] = [];
  if (p.softDelete === 'AlwaysOn') requested.push(IrreversibleSetting.SOFT_DELETE_ALWAYS_ON);
  if (p.immutability === 'Locked') requested.push(IrreversibleSetting.IMMUTABILITY_LOCKED);
  if (p.crossRegionRestore === true) requested.push(IrreversibleSetting.CROSS_REGION_RESTORE);
  return requested;
}

/**
 * Refuses an irreversible setting that is not acknowledged, and an acknowledgement of a setting that is not
 * set (a stale one would silently cover a later change).
 */
export function checkAcknowledgements(problems: Problems, p: RequestedSettings): void {
  const acks: unknown = p.acknowledgeIrreversible;
  if (acks === undefined) {
    requestedIrreversible(p).forEach((s) => refuseUnacknowledged(problems, s, p));
    return;
  }
  if (!Array.isArray(acks)) {
    problems.add('ADLSBK-TYPE', 'acknowledgeIrreversible', 'must be a list of IrreversibleSetting values', acks);
    return;
  }
  const known = Object.values(IrreversibleSetting) as string[];
  const requested = requestedIrreversible(p);
  acks.forEach((ack: IrreversibleSetting, i) => {
    if (!known.includes(ack)) {
      problems.add('ADLSBK-NOT-ALLOWED', `acknowledgeIrreversible[${i}]`, `must be one of ${known.join(', ')}`, ack);
    } else if (acks.indexOf(ack) !== i) {
      problems.add('ADLSBK-REPEATED', `acknowledgeIrreversible[${i}]`, 'repeats a setting already acknowledged', ack);
    } else if (!requested.includes(ack)) {
      problems.add(
        'ADLSBK-IRREVERSIBLE',
        `acknowledgeIrreversible[${i}]`,
        `acknowledges a setting this vault does not set (\`${SETTING_FIELD[ack]}\`); remove it`,
        ack,
      );
    }
  });
  requested.filter((s) => !acks.includes(s)).forEach((s) => refuseUnacknowledged(problems, s, p));
}

function refuseUnacknowledged(problems: Problems, setting: IrreversibleSetting, p: RequestedSettings): void {
  const field = SETTING_FIELD[setting];
  problems.add(
    'ADLSBK-IRREVERSIBLE',
    field,
    `is irreversible in Azure; to set it, also set \`acknowledgeIrreversible: [IrreversibleSetting.${enumKey(setting)}]\``,
    (p as Record<string, unknown>)[field],
  );
}

function enumKey(setting: IrreversibleSetting): string {
  return Object.entries(IrreversibleSetting).find(([, v]) => v === setting)![0];
}

/** Warns at synth about every irreversible setting, acknowledged or not: reviewers read warnings. */
export function warnAboutIrreversible(scope: IConstruct, p: RequestedSettings): void {
  for (const setting of requestedIrreversible(p)) Annotations.of(scope).addWarning(WARNING[setting]);
}
