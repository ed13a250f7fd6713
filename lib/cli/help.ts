// The text of `adls-backup --help` and of each subcommand's --help.

export const USAGE = `adls-backup: protect Azure Data Lake Storage Gen2 accounts with Azure Backup, from a fleet spec

Usage:
  adls-backup synth --config <spec.yaml> [--out <dir>]
  adls-backup validate --config <spec.yaml> [--format text|json]
  adls-backup review <cdktf.out> [--base <older cdktf.out>] [--format md|json] [--output <file>]
  adls-backup <command> --help

Exit codes: 0 ok, 1 failure, 2 invalid input (arguments, spec, or directory).
`;

export const COMMAND_HELP: Record<string, string> = {
  synth: `adls-backup synth --config <spec.yaml> [--out <dir>]

Reads a fleet spec (YAML or JSON) and synthesizes it to Terraform JSON in the layout \`cdktf synth\` writes:
<dir>/stacks/<stack>/cdk.tf.json and <dir>/manifest.json. One Backup vault per region (the vault must be in
its accounts' region); with \`stackPerRegion: true\`, one stack (and Terraform state) per region.
A previous synthesis in <dir> is replaced; a directory holding anything else is refused.

Options:
  --config, -c <file>   the fleet spec (schema: lib/fleet/fleet-spec.schema.json)
  --out, -o <dir>       output directory (default: $CDKTF_OUTDIR, else cdktf.out)
  --help, -h            this text

Then: cdktf deploy, or terraform -chdir=<dir>/stacks/<stack> init && terraform plan.
`,
  validate: `adls-backup validate --config <spec.yaml> [--format text|json]

Checks a fleet spec without writing anything: the JSON Schema, the references between its parts, and every
rule the constructs apply at synth (names, regions, durations, schedules, containers).
Problems are listed with file:line:column, the path in the document and the rule.

Options:
  --config, -c <file>   the fleet spec
  --format text|json    json: one document on stdout for a pipeline, { schemaVersion, file, valid, problems,
                        warnings }, each problem { code, path, rule, value, message, file, line, column }, each
                        warning { path, message, file, line, column, construct }; the codes are listed in
                        docs/errors.md. Exit code 2 when there are problems. Default: text
  --help, -h            this text
`,
  review: `adls-backup review <cdktf.out> [--base <older cdktf.out>] [--format md|json] [--output <file>]

Summarizes synthesized stacks for a reviewer: per vault the accounts and containers it protects, the schedule
and retention in plain words, the role grants, the ordering (role -> wait -> instance) as a Mermaid diagram,
and warnings. With --base, the changes against an older synthesis come first, policies that will be replaced
at the top. Works on any stack this library produced.

Options:
  --base <dir>          an older synthesis to compare with (e.g. from the target branch)
  --format md|json      report format (default: md)
  --output <file>       write the report to a file instead of standard output
  --help, -h            this text
`,
};
