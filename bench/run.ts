/**
 * `npm run bench [name…]`: runs the benchmarks and prints one BENCHMARKS.md row each
 * (date, what, command, baseline, result, ratio) with the machine they ran on.
 */
import { cpus, totalmem } from 'node:os';
import { coldStartBench } from './cold-start.bench.ts';
import { spamBench } from './spam.bench.ts';

const benches: Record<
  string,
  () => Promise<{
    what: string;
    command: string;
    baseline: { label: string; ms: number };
    result: { ms: number };
    target: string;
  }>
> = { 'cold-start': coldStartBench, spam: spamBench };

/** Whole milliseconds, or two decimals below 10 ms so a fast baseline does not read as 0. */
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : Math.round(x)} ms`;

const wanted = process.argv.slice(2).filter((a) => a in benches);
const machine = `${cpus().length}× ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}\n`);
console.log('| date | what | command | baseline (same run) | result | ratio | target |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const r = await benches[name]!();
  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `| ${date} | ${r.what} | \`${r.command}\` | ${r.baseline.label}: ${ms(r.baseline.ms)} | ${ms(r.result.ms)} | ${(r.result.ms / r.baseline.ms).toFixed(2)}× | ${r.target} |`,
  );
}
