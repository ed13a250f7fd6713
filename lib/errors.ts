/**
 * The one error type for user mistakes in a backup configuration.
 *
 * Each problem names the prop in backticks, states the rule and shows the value received, e.g.
 * `` `containers[2]` must be 3-63 lowercase letters, digits or single hyphens, got: "Raw_Data" ``.
 * Where one construct has several problems they are reported together.
 *
 * @example
 * try { new DataLakeBackup(stack, 'Lake', props); } catch (e) {
 *   if (e instanceof BackupConfigError) console.error(e.problems);
 * }
 */
export class BackupConfigError extends Error {
  /** Every problem found, one sentence each. */
  public readonly problems: readonly string[];

  /**
   * @param problems one sentence per problem
   * @param where the construct or value object they belong to, e.g. `DataLakeBackup 'Lake'`
   */
  constructor(problems: string | readonly string[], where?: string) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    const prefix = where ? `${where}: ` : '';
    const body = list.length === 1 ? list[0] : `${list.length} problems:\n  - ${list.join('\n  - ')}`;
    super(prefix + body);
    this.name = 'BackupConfigError';
    this.problems = list;
  }
}
