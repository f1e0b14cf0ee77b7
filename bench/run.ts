/**
 * `npm run bench [name…]`: runs the benchmarks and prints one BENCHMARKS.md row per result
 * (date, what, command, baseline measured in the same run, result, ratio) and the machine.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { coldStartBench } from './cold-start.bench.ts';
import { intakeBench } from './intake.bench.ts';
import { liveBench } from './live.bench.ts';
import { recommendBench } from './recommend.bench.ts';
import { spamBench } from './spam.bench.ts';
import { statsBench } from './stats.bench.ts';

interface BenchRow {
  what: string;
  command: string;
  /** `ms` holds the figure; its unit is `unit` (milliseconds unless said otherwise). */
  baseline: { label: string; ms: number };
  result: { ms: number };
  target: string;
  unit?: string;
}

const benches: Record<string, () => Promise<BenchRow | BenchRow[]>> = {
  'cold-start': coldStartBench,
  spam: spamBench,
  intake: intakeBench,
  recommend: recommendBench,
  live: liveBench,
  stats: statsBench,
};

/** Whole numbers, or two decimals below 10 so a fast baseline does not read as 0. */
const show = (x: number, unit = 'ms') => `${x < 10 ? x.toFixed(2) : Math.round(x)} ${unit}`;

const wanted = process.argv.slice(2).filter((a) => a in benches);
const machine = `${cpus().length}× ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}\n`);
console.log('| date | what | command | baseline (same run) | result | ratio | target |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
/** Other people's test runs share these cores: say how busy the machine was around each bench. */
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const before = load();
  const rows = [await benches[name]!()].flat();
  console.log(`<!-- ${name}: load average (1/5/15 min) before ${before}, after ${load()} -->`);
  for (const r of rows) {
    const date = new Date().toISOString().slice(0, 10);
    console.log(
      `| ${date} | ${r.what} | \`${r.command}\` | ${r.baseline.label}: ${show(r.baseline.ms, r.unit)} | ${show(r.result.ms, r.unit)} | ${(r.result.ms / r.baseline.ms).toFixed(2)}× | ${r.target} |`,
    );
  }
}
