// The Kusto language service (Microsoft's own parser and analyzer, compiled to JavaScript) checks the alert
// queries against the columns of the Azure Backup tables they read, without a workspace.
// The two scripts define globals (the Bridge.NET runtime, then Kusto.Language), in this order.
import '@kusto/language-service-next/bridge.min.js';
import '@kusto/language-service-next/Kusto.Language.Bridge.min.js';

/** The columns the queries use, as the Azure Backup reporting data model gives them for Backup vault rows. */
const TABLES: Record<string, string> = {
  AddonAzureBackupJobs:
    '(TimeGenerated:datetime, _ResourceId:string, OperationName:string, JobOperation:string, JobStatus:string, JobFailureCode:string, ' +
    'JobUniqueId:string, JobStartDateTime:datetime, BackupItemUniqueId:string, BackupItemFriendlyName:string, DatasourceFriendlyName:string, ' +
    'DatasourceType:string, VaultUniqueId:string)',
  CoreAzureBackup:
    '(TimeGenerated:datetime, _ResourceId:string, OperationName:string, PolicyName:string, BackupItemUniqueId:string, ' +
    'BackupItemFriendlyName:string, DatasourceFriendlyName:string, BackupItemProtectionState:string, VaultUniqueId:string)',
};

function language(): any {
  return (globalThis as any).Kusto.Language;
}

/** The analyzer's diagnostics (empty when the query is valid) and the names of the result's columns. */
export function analyzeKql(query: string): { diagnostics: string[]; columns: string[] } {
  const K = language();
  const tables = Object.entries(TABLES).map(([name, schema]) => new K.Symbols.TableSymbol.$ctor7(name, schema, null));
  const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor1('backup', tables, false));
  const code = K.KustoCode.ParseAndAnalyze(query, globals);
  const found = code.GetDiagnostics();
  const diagnostics: string[] = [];
  for (let i = 0; i < found.Count; i++) {
    const d = found.getItem(i);
    diagnostics.push(`${d.Message} at ${JSON.stringify(query.substr(d.Start, 30))}`);
  }
  const columns: string[] = [];
  const result = code.ResultType;
  for (let i = 0; i < (result?.Columns?.Count ?? 0); i++) columns.push(result.Columns.getItem(i).Name);
  return { diagnostics, columns };
}
