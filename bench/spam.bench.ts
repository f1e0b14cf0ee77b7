/**
 * Spam screening throughput: `screenLeadText` over the labelled corpus (packages/domain/src/
 * spam-corpus), reported as ms per 1,000 texts. Baseline, measured in the same run over the same
 * texts: one naive regex test (/微信|qq|\d{11}|发票|贷款|办证/i) — the floor any screening costs.
 * Accuracy (spam caught, genuine quarantined; whole corpus and held-out split, for the rules and
 * for the naive regex) goes to stderr so the stdout table stays one row per benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPAM_MODEL_VERSION, screenLeadText } from '../packages/domain/src/spam.ts';
import { learnAdStyleModel } from '../packages/domain/src/spam-learn.ts';

const RUNS = 7;
const TEXTS_PER_RUN = 20_000;
const NAIVE = /微信|qq|\d{11}|发票|贷款|办证/i;

const corpusDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../packages/domain/src/spam-corpus',
);
const read = (file: string) =>
  readFileSync(path.join(corpusDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
const heldOut = (xs: string[]) => xs.filter((_, i) => i % 5 === 4);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Share of `spam` flagged and of `genuine` flagged by `flag`, in per cent. */
function rates(flag: (t: string) => boolean, genuine: string[], spam: string[]) {
  const caught = spam.filter(flag).length;
  const wronged = genuine.filter(flag).length;
  return {
    spamCaught: `${((100 * caught) / spam.length).toFixed(1)} % (${caught}/${spam.length})`,
    genuineQuarantined: `${((100 * wronged) / genuine.length).toFixed(1)} % (${wronged}/${genuine.length})`,
  };
}

/** Accuracy of the rules and of the naive regex on the whole corpus and on the held-out split. */
export function spamAccuracy() {
  const genuine = read('genuine.txt');
  const spam = read('spam.txt');
  const rules = (t: string) => screenLeadText({ description: t }).quarantine;
  const naive = (t: string) => NAIVE.test(t);
  return {
    model: SPAM_MODEL_VERSION,
    sizes: {
      genuine: genuine.length,
      spam: spam.length,
      heldOutGenuine: heldOut(genuine).length,
      heldOutSpam: heldOut(spam).length,
    },
    rules: { whole: rates(rules, genuine, spam), heldOut: rates(rules, heldOut(genuine), heldOut(spam)) },
    naiveRegex: {
      whole: rates(naive, genuine, spam),
      heldOut: rates(naive, heldOut(genuine), heldOut(spam)),
    },
    // Sets written blind to the rules (heldout-<tag>-spam.txt / -genuine.txt): an estimate only the first
    // time they are measured; BENCHMARKS.md records that figure, and afterwards they are learned from.
    blind: readdirSync(corpusDir)
      .flatMap((f) => /^heldout-(.+)-spam\.txt$/.exec(f)?.[1] ?? [])
      .sort()
      .map((tag) => {
        const [g, sp] = [read(`heldout-${tag}-genuine.txt`), read(`heldout-${tag}-spam.txt`)];
        return { tag, rules: rates(rules, g, sp), naive: rates(naive, g, sp) };
      }),
  };
}

/**
 * Leave one writer out: for each writer's set (the original corpus counts as one writer, and so
 * does each training set), learn
 * the model from all the others and screen that set with it. The learned part is then measured
 * on a writer it never saw; the hand-weighted rules were tuned on every set, so the figure is
 * optimistic for them — only a set measured before anyone reads it is a true estimate.
 */
export function leaveOneWriterOut() {
  const tuning = (xs: string[]) => xs.filter((_, i) => i % 5 !== 4);
  const writers = [
    { tag: 'corpus', genuine: read('genuine.txt'), spam: read('spam.txt') },
    // The spent blind sets and the sets written to learn from (train-<tag>): each its own writer.
    ...readdirSync(corpusDir)
      .flatMap((f) => /^((?:heldout|train)-.+)-spam\.txt$/.exec(f)?.[1] ?? [])
      .sort()
      .map((file) => ({
        tag: file.replace(/^heldout-/, ''),
        genuine: read(`${file}-genuine.txt`),
        spam: read(`${file}-spam.txt`),
      })),
  ];
  let [caught, spam, wronged, genuine] = [0, 0, 0, 0];
  const rows = writers.map((w) => {
    const others = writers.filter((o) => o !== w);
    const learnOn = (pick: (o: (typeof writers)[number]) => string[]) =>
      others.flatMap((o) => (o.tag === 'corpus' ? tuning(pick(o)) : pick(o)));
    const model = learnAdStyleModel(
      learnOn((o) => o.genuine),
      learnOn((o) => o.spam),
    );
    const flag = (t: string) => screenLeadText({ description: t }, model).quarantine;
    const c = w.spam.filter(flag).length;
    const q = w.genuine.filter(flag).length;
    [caught, spam, wronged, genuine] = [
      caught + c,
      spam + w.spam.length,
      wronged + q,
      genuine + w.genuine.length,
    ];
    return { tag: w.tag, ...rates(flag, w.genuine, w.spam) };
  });
  return {
    rows,
    all: {
      spamCaught: `${((100 * caught) / spam).toFixed(1)} % (${caught}/${spam})`,
      genuineQuarantined: `${((100 * wronged) / genuine).toFixed(2)} % (${wronged}/${genuine})`,
    },
  };
}

function timePer1000(texts: string[], fn: (t: string) => unknown): number {
  let sink = 0;
  const t0 = performance.now();
  for (const t of texts) if (fn(t)) sink++;
  const ms = performance.now() - t0;
  if (sink < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return (ms * 1000) / texts.length;
}

export async function spamBench() {
  const corpus = [...read('genuine.txt'), ...read('spam.txt')];
  const texts = Array.from({ length: TEXTS_PER_RUN }, (_, i) => corpus[i % corpus.length]!);
  const screen = (t: string) => screenLeadText({ description: t }).quarantine;
  const naive = (t: string) => NAIVE.test(t);
  // Warm-up: compile the regexes and let the JIT settle before measuring.
  timePer1000(texts.slice(0, 2000), screen);
  timePer1000(texts.slice(0, 2000), naive);
  const rules: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timePer1000(texts, naive));
    rules.push(timePer1000(texts, screen));
  }

  const acc = spamAccuracy();
  const lowo = leaveOneWriterOut();
  process.stderr.write(
    [
      `spam screening accuracy (${acc.model}; corpus ${acc.sizes.genuine} genuine / ${acc.sizes.spam} spam, held-out ${acc.sizes.heldOutGenuine} / ${acc.sizes.heldOutSpam}):`,
      `  rules       whole:    spam caught ${acc.rules.whole.spamCaught}, genuine quarantined ${acc.rules.whole.genuineQuarantined}`,
      `  rules       held-out: spam caught ${acc.rules.heldOut.spamCaught}, genuine quarantined ${acc.rules.heldOut.genuineQuarantined}`,
      `  naive regex whole:    spam caught ${acc.naiveRegex.whole.spamCaught}, genuine quarantined ${acc.naiveRegex.whole.genuineQuarantined}`,
      `  naive regex held-out: spam caught ${acc.naiveRegex.heldOut.spamCaught}, genuine quarantined ${acc.naiveRegex.heldOut.genuineQuarantined}`,
      ...lowo.rows.map(
        (r) =>
          `  leave-one-writer-out ${r.tag}: spam caught ${r.spamCaught}, genuine quarantined ${r.genuineQuarantined}`,
      ),
      `  leave-one-writer-out, all writers: spam caught ${lowo.all.spamCaught}, genuine quarantined ${lowo.all.genuineQuarantined}`,
      ...acc.blind.flatMap((b) => [
        `  rules       blind set ${b.tag}: spam caught ${b.rules.spamCaught}, genuine quarantined ${b.rules.genuineQuarantined}`,
        `  naive regex blind set ${b.tag}: spam caught ${b.naive.spamCaught}, genuine quarantined ${b.naive.genuineQuarantined}`,
      ]),
      '',
    ].join('\n'),
  );

  return {
    what: `spam screening, ms per 1,000 lead texts (corpus of ${corpus.length} cycled to ${TEXTS_PER_RUN}), median of ${RUNS}`,
    command: 'npm run bench -- spam',
    // run.ts rounds to whole ms, which shows this baseline as 0: keep its real value in the label.
    baseline: {
      label: `one naive regex test over the same texts (${median(baseline).toFixed(2)} ms)`,
      ms: median(baseline),
    },
    result: { ms: median(rules) },
    target: '≤ 100 ms per 1,000 texts (≤ 0.1 ms per lead)',
  };
}
