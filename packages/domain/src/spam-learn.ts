/**
 * Learns the ad-style model that `screenLeadText` adds to its rules: a logistic regression over
 * the character 1–3-grams of a text once relief words are masked out (`adStyleGrams`), so the
 * model can only ever see the part of a text that is not about someone in need.
 *
 * Why a learned model next to the rules: each new writer of ads brings trades and phrasing no
 * hand-made list has; n-grams of marketing register (…元起, 欢迎…, 厂家…, 私我) carry over to them.
 * Measured by leaving one writer's set out at a time (`npm run bench -- spam`).
 *
 * Deterministic (fixed order, no randomness), so `spam-corpus.test.ts` can re-learn the model and
 * fail when the committed copy in `spam-model.ts` is stale. Run `npm run spam:learn` to rewrite it.
 */
import { type AdStyleModel, adStyleGrams } from './spam.ts';

export const AD_STYLE_LEARNING = {
  epochs: 12,
  rate: 0.1,
  l2: 1e-4,
  /** A gram must appear in at least this many training texts to be learned. */
  minTexts: 3,
  /** The strongest this-many weights are kept. */
  keep: 4000,
} as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Stochastic gradient descent over genuine and spam texts interleaved, one pass per epoch. */
export function learnAdStyleModel(genuine: readonly string[], spam: readonly string[]): AdStyleModel {
  const { epochs, rate, l2, minTexts, keep } = AD_STYLE_LEARNING;
  const examples: Array<{ grams: string[]; y: number }> = [];
  for (let i = 0; i < Math.max(genuine.length, spam.length); i++) {
    if (i < genuine.length) examples.push({ grams: adStyleGrams({ description: genuine[i]! }), y: 0 });
    if (i < spam.length) examples.push({ grams: adStyleGrams({ description: spam[i]! }), y: 1 });
  }
  const texts = new Map<string, number>();
  for (const e of examples) for (const g of e.grams) texts.set(g, (texts.get(g) ?? 0) + 1);
  for (const e of examples) e.grams = e.grams.filter((g) => texts.get(g)! >= minTexts);

  const w = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const step = rate / (1 + 0.3 * epoch);
    for (const { grams, y } of examples) {
      let z = bias;
      for (const g of grams) z += w.get(g) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - y;
      bias -= step * gradient;
      for (const g of grams) {
        const v = w.get(g) ?? 0;
        w.set(g, v - step * (gradient + l2 * v));
      }
    }
  }
  const kept = [...w.entries()]
    .map(([g, v]) => [g, round2(v)] as [string, number])
    .filter(([, v]) => v !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, keep)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { bias: round2(bias), weights: new Map(kept) };
}

/**
 * A lead's text as one corpus line (`spam-corpus/field-*.txt`): its fields on one line, and in a
 * report the personal numbers a reporter gives replaced by look-alikes of the same shape (a
 * mobile number by 13800138000, an ID number by 110101199001011234), so the rules read the same
 * signals and the corpus keeps no one's number. An ad's numbers are the ad's, and stay.
 */
export function toCorpusLine(
  fields: ReadonlyArray<string | null | undefined>,
  label: 'spam' | 'genuine',
): string {
  const line = fields
    .filter((f): f is string => typeof f === 'string' && f.trim().length > 0)
    .join(' ')
    .replace(/[\r\n\u2028\u2029\u0085\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (label === 'spam') return line;
  return line
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, '110101199001011234')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '13800138000');
}

/**
 * Which label the command centre's handling gives a screened lead, or none. Spam: a person
 * quarantined it and it is still quarantined. Genuine: a person restored it, or a team was sent
 * (whatever became of it after). A lead nobody decided on teaches nothing: learning from the
 * screening's own answers would only teach it what it already believes.
 */
export function corpusLabel(lead: {
  state: string;
  /** The latest quarantine or restore by a person, if any. */
  decision: 'lead.quarantined' | 'lead.restored' | null;
  dispatched: boolean;
}): 'spam' | 'genuine' | null {
  if (lead.state === 'spam') return lead.decision === 'lead.quarantined' ? 'spam' : null;
  return lead.decision === 'lead.restored' || lead.dispatched ? 'genuine' : null;
}
