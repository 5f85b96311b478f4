import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { generateLabelledSet } from './testing/labelledSet';
import { loadLabelledSet } from './testing/loadLabelledSet';

type Desk = Awaited<ReturnType<typeof setUpStore>>;

describe('matching on the generated labelled set', () => {
  let desk: Desk;
  let labelled: { needId: string; rightPatent: string }[];
  beforeAll(async () => {
    desk = await setUpStore('140100');
    labelled = loadLabelledSet(desk.service.store, generateLabelledSet(1, 120, 3000), desk.adminActor);
  });
  afterAll(() => desk.close());

  it('ranks the known right patent among the first five for at least 90 % of the needs', async () => {
    let hits = 0;
    for (const { needId, rightPatent } of labelled) {
      const { matches } = await desk.call('matching.forNeed', { needId, limit: 5 });
      if (matches.some((m) => m.supply.patentNumber === rightPatent)) hits += 1;
    }
    expect(labelled).toHaveLength(120);
    expect(hits / labelled.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the same set for the same seed and another for another seed', () => {
    expect(generateLabelledSet(7, 10, 50)).toEqual(generateLabelledSet(7, 10, 50));
    expect(generateLabelledSet(8, 10, 50)).not.toEqual(generateLabelledSet(7, 10, 50));
  });
});
