// `npm run bench [-- --check] [-- --runs 5] [-- --sizes 1,100,1000,5000]`: synthesizes N storage accounts over
// 5 regions with (a) the library and (b) a hand-written L1 baseline, each run in a fresh process, a and b
// alternating; writes bench/RESULTS.md; with --check, exits 1 when a budget is missed.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { terraformSignature } = require('./terraform-signature');

const BUDGETS = { ratio: 1.2, ratioAt: [1000, 5000], n5000Seconds: 5, n5000MiB: 400, requireSeconds: 0.4 };

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const check = args.includes('--check');
const runs = Number(option('runs', '5'));
const sizes = option('sizes', '1,100,1000,5000').split(',').map(Number);

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One synthesis in a fresh process: whole-process wall time (spawn to exit), peak RSS, output size. */
function synthOnce(kind, n) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${kind}-`));
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(__dirname, 'synth-once.js'), kind, String(n), outdir], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`${kind} N=${n} failed:\n${child.stderr}`);
  const file = path.join(outdir, 'stacks', 'bench', 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = Object.fromEntries(Object.entries(json.resource).map(([type, all]) => [type, Object.keys(all).length]));
  const sample = {
    seconds,
    ...JSON.parse(child.stdout),
    resources,
    sameAs: terraformSignature(json),
    jsonBytes: fs.statSync(file).size,
  };
  fs.rmSync(outdir, { recursive: true, force: true });
  return sample;
}

function requireOnce() {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(__dirname, 'require-once.js')], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`require failed:\n${child.stderr}`);
  return { requireSeconds: Number(child.stdout) / 1000, processSeconds: wall };
}

function measure() {
  const rows = [];
  for (const n of sizes) {
    const samples = { library: [], baseline: [] };
    for (let r = 0; r < runs; r++) {
      // Alternate, so that the machine's drift during the run falls on both alike.
      for (const kind of r % 2 ? ['baseline', 'library'] : ['library', 'baseline']) samples[kind].push(synthOnce(kind, n));
    }
    const [a, b] = [samples.library, samples.baseline];
    // Every run of both apps must write the same Terraform, names aside.
    if (new Set([...a, ...b].map((s) => s.sameAs)).size !== 1) {
      throw new Error(
        `N=${n}: the two apps made different Terraform (resources ${JSON.stringify(a[0].resources)} vs ${JSON.stringify(b[0].resources)})`,
      );
    }
    const row = {
      n,
      library: { seconds: median(a.map((s) => s.seconds)), mib: median(a.map((s) => s.maxRssKiB)) / 1024, bytes: a[0].jsonBytes },
      baseline: {
        seconds: median(b.map((s) => s.seconds)),
        mib: median(b.map((s) => s.maxRssKiB)) / 1024,
        bytes: b[0].jsonBytes,
      },
      resources: a[0].resources,
    };
    row.ratio = row.library.seconds / row.baseline.seconds;
    rows.push(row);
    console.log(
      `N=${n}: library ${row.library.seconds.toFixed(2)} s / ${row.library.mib.toFixed(0)} MiB, baseline ${row.baseline.seconds.toFixed(2)} s / ${row.baseline.mib.toFixed(0)} MiB, ratio ${row.ratio.toFixed(2)}`,
    );
  }
  const requires = Array.from({ length: runs }, requireOnce);
  const cold = {
    requireSeconds: median(requires.map((r) => r.requireSeconds)),
    processSeconds: median(requires.map((r) => r.processSeconds)),
  };
  console.log(
    `cold require of the package: ${(cold.requireSeconds * 1000).toFixed(0)} ms (whole process ${(cold.processSeconds * 1000).toFixed(0)} ms)`,
  );
  return { rows, cold };
}

function budgetResults({ rows, cold }) {
  const at = (n) => rows.find((r) => r.n === n);
  const results = [];
  for (const n of BUDGETS.ratioAt) {
    if (at(n))
      results.push({
        what: `library/baseline wall time at N=${n}`,
        limit: `≤ ${BUDGETS.ratio}`,
        got: at(n).ratio.toFixed(2),
        ok: at(n).ratio <= BUDGETS.ratio,
      });
  }
  if (at(5000)) {
    results.push({
      what: 'library, N=5000, whole-process wall time',
      limit: `≤ ${BUDGETS.n5000Seconds} s`,
      got: `${at(5000).library.seconds.toFixed(2)} s`,
      ok: at(5000).library.seconds <= BUDGETS.n5000Seconds,
    });
    results.push({
      what: 'library, N=5000, peak RSS',
      limit: `≤ ${BUDGETS.n5000MiB} MiB`,
      got: `${at(5000).library.mib.toFixed(0)} MiB`,
      ok: at(5000).library.mib <= BUDGETS.n5000MiB,
    });
  }
  results.push({
    what: 'cold require of the package',
    limit: `≤ ${BUDGETS.requireSeconds} s`,
    got: `${cold.requireSeconds.toFixed(3)} s`,
    ok: cold.requireSeconds <= BUDGETS.requireSeconds,
  });
  return results;
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function report(measured, budgets) {
  const fmt = (x) => x.toLocaleString('en-US');
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`bench/run.js`); do not edit by hand. Reproduce with `npm run bench`, check the budgets with',
    '`npm run bench -- --check`.',
    '',
    `Machine: ${machine()}.`,
    '',
    `N storage accounts over 5 regions (one vault and one policy per region; per account a role assignment, a wait and`,
    "a backup instance). (a) the library's constructs, (b) the same resources written by hand with the prebuilt provider",
    `classes and the project's ADLS L1 bindings. Each synthesis runs in a fresh Node process, a and b alternating,`,
    `${runs} runs each; medians. Wall time is the whole process, from spawn to exit; RSS is the process's peak.`,
    'Both write the same resources with the same arguments (checked on every run, names aside); the JSON sizes differ',
    "by the names: the library's resources are nested constructs, so their logical IDs and metadata paths are longer.",
    '',
    '| N | resources | (a) library s | (b) baseline s | a/b | (a) peak MiB | (b) peak MiB | JSON (a) | JSON (b) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...measured.rows.map((r) => {
      const total = Object.values(r.resources).reduce((x, y) => x + y, 0);
      return `| ${fmt(r.n)} | ${fmt(total)} | ${r.library.seconds.toFixed(2)} | ${r.baseline.seconds.toFixed(2)} | ${r.ratio.toFixed(2)} | ${r.library.mib.toFixed(0)} | ${r.baseline.mib.toFixed(0)} | ${fmt(r.library.bytes)} B | ${fmt(r.baseline.bytes)} B |`;
    }),
    '',
    `Cold \`require('cdktf-adls-backup')\` (the built \`dist/lib\`), in a fresh process: ${(measured.cold.requireSeconds * 1000).toFixed(0)} ms`,
    `(the whole process, Node's own start included: ${(measured.cold.processSeconds * 1000).toFixed(0)} ms).`,
    '',
    '## Budgets',
    '',
    '| budget | limit | measured | |',
    '|---|---|---|---|',
    ...budgets.map((b) => `| ${b.what} | ${b.limit} | ${b.got} | ${b.ok ? 'met' : '**missed**'} |`),
    '',
  ];
  fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), lines.join('\n'));
}

const measured = measure();
const budgets = budgetResults(measured);
report(measured, budgets);
console.log(`Wrote ${path.relative(process.cwd(), path.join(__dirname, 'RESULTS.md'))}`);
if (check) {
  for (const b of budgets) console.log(`${b.ok ? 'ok    ' : 'MISSED'} ${b.what}: ${b.got} (budget ${b.limit})`);
  if (budgets.some((b) => !b.ok)) process.exitCode = 1;
}
