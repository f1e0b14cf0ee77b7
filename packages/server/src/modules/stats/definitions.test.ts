import { readFileSync } from 'node:fs';
import { figureDefinitions, figureKeys } from '@warmline/domain';
import { describe, expect, it } from 'vitest';
import { figuresSchema } from './stats.schema.ts';

const doc = readFileSync(new URL('../../../../../docs/statistics.md', import.meta.url), 'utf8');

describe('the figures’ definitions', () => {
  it('are written in docs/statistics.md, word for word as the dashboard shows them', () => {
    for (const key of figureKeys) {
      expect(doc, key).toContain(`\`${key}\``);
      expect(doc, key).toContain(figureDefinitions[key].definition.zh);
    }
  });

  it('are every key the API answers, and no other', () => {
    expect(Object.keys(figuresSchema.shape.figures.shape).sort()).toEqual([...figureKeys].sort());
  });
});
