/**
 * `pnpm bench`: our sync server against @y/websocket-server and Hocuspocus on
 * loopback, scenarios a–d of issue 3; prints a table and writes docs/benchmarks.md.
 */
import os from 'node:os';
import path from 'node:path';
import { loadBenchConfig } from './benchConfig.ts';
import { resultsTable, targetsTable } from './report/format.ts';
import { describeMachine } from './report/machine.ts';
import { writeReport } from './report/markdownReport.ts';
import { judgeTargets } from './report/targets.ts';
import { runScenarios } from './runScenarios.ts';

const docsReport = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');

async function main(): Promise<void> {
  const config = loadBenchConfig();
  // Only a full run may replace the committed results; smoke and partial runs go to a temp file.
  const partial = config.quick || config.scenarios.size < 5 || config.servers.length < 3;
  const reportFile = partial ? path.join(os.tmpdir(), 'samverka-benchmarks.partial.md') : docsReport;
  const machine = describeMachine();
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  log(
    `pnpm bench${config.quick ? ' (BENCH_QUICK: ~10× smaller)' : ''} on ${machine.cpus} × ${machine.cpuModel}, ${machine.node}`,
  );

  const outcome = await runScenarios(config, log);
  const targets = judgeTargets(outcome.targetInputs);
  const durationSeconds = (Date.now() - started) / 1000;

  console.log(
    `\n${resultsTable(outcome.rows)}\n\nTargets (issue 14), load average ${machine.loadAverage} at the start:\n\n${targetsTable(targets)}\n`,
  );
  for (const note of outcome.notes) console.log(`- ${note}`);
  writeReport(reportFile, {
    date: new Date(),
    machine,
    config,
    rows: outcome.rows,
    targets,
    notes: outcome.notes,
    durationSeconds,
  });
  log(`wrote ${path.relative(process.cwd(), reportFile)} (${durationSeconds.toFixed(0)} s in all)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1); // the 'exit' hook kills any child still running
  },
);
