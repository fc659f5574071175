import fc from 'fast-check';
import { planResults } from '../definition/result-items';
import { NOISE_BOUND, statsThreshold } from '../perturbation/ptable';
import type { Cell, ItemResult } from '../results-document';
import type { CubeRow, GroupSizeRow } from './aggregate-queries';
import { Tabulation } from './build-results';

const DEFINITION = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'dropdown', name: 'age', choices: ['18_29', '30_44', '45_plus'] },
        { type: 'radiogroup', name: 'gender', choices: ['f', 'm', 'other'] },
        { type: 'rating', name: 'trust', isRequired: true, rateMin: 1, rateMax: 5 },
      ],
    },
  ],
};
const plan = planResults(DEFINITION, ['age', 'gender']);

interface Person {
  age?: string;
  gender?: string;
  trust: number;
  key: number;
}

/** What the SQL aggregation returns, computed plainly from people (an independent count). */
function aggregate(people: Person[]): { cube: CubeRow[]; groupSizes: GroupSizeRow[] } {
  const cube = new Map<string, CubeRow>();
  const sizes = new Map<string, GroupSizeRow>();
  for (const p of people) {
    const groups = [p.age ?? null, p.gender ?? null];
    const answers: [string, string | undefined][] = [['age', p.age], ['gender', p.gender], ['trust', String(p.trust)]];
    for (const [item, value] of answers) {
      if (value === undefined) continue;
      const id = JSON.stringify([item, value, groups]);
      const row = cube.get(id) ?? { item, value, groups, n: 0, keys: 0 };
      row.n++;
      row.keys += p.key;
      cube.set(id, row);
    }
    const id = JSON.stringify(groups);
    const size = sizes.get(id) ?? { groups, n: 0, keys: 0 };
    size.n++;
    size.keys += p.key;
    sizes.set(id, size);
  }
  return { cube: [...cube.values()], groupSizes: [...sizes.values()] };
}

const person = fc.record({
  age: fc.option(fc.constantFrom('18_29', '30_44', '45_plus'), { nil: undefined, freq: 6 }),
  // Skewed: "other" is rare, as in a real municipality.
  gender: fc.option(fc.constantFrom('f', 'f', 'm', 'm', 'other'), { nil: undefined, freq: 8 }),
  trust: fc.integer({ min: 1, max: 5 }),
  key: fc.integer({ min: 0, max: 255 }),
});

/** The items a cell's identity puts conditions on, e.g. ['age', 'gender']. */
const itemsOf = (key: string): string[] => (JSON.parse(key) as string[]).map((c) => (JSON.parse(c) as string[])[1]).sort();
const tabulate = (people: Person[], k = 5) => new Tabulation({ plan, k, numeric: [], ...aggregate(people) });
const byItem = (items: ItemResult[], name: string) => items.find((i) => i.item === name)!;
const groupCell = (item: ItemResult, breakdown: string, group: string | null, value: string): Cell =>
  item.breakdowns.find((b) => b.breakdown === breakdown)!.groups.find((g) => g.value === group)!.counts.find((c) => c.value === value)!.count;

describe('tabulation: one cell, one value', () => {
  it('holds each age x gender count once: the transposed tables and the group sizes are the same cells', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 5, maxLength: 200 }), (people) => {
        const t = tabulate(people);
        const crossCells = t.table.cells.filter((c) => itemsOf(c.key).join() === 'age,gender');
        // (3 ages + not stated) x (3 genders + not stated), one cell each though two tables print
        // them, plus "answered" of each question within the other's 4 groups: 16 + 8. Two tables
        // kept apart would hold 2 x 4 x (3 + answered + skipped) = 40.
        expect(crossCells).toHaveLength(24);
        const results = t.render();
        if (results.belowThreshold) return;
        const age = byItem(results.items, 'age');
        const gender = byItem(results.items, 'gender');
        for (const a of ['18_29', '30_44', '45_plus']) {
          for (const g of ['f', 'm', 'other']) expect(groupCell(age, 'gender', g, a)).toEqual(groupCell(gender, 'age', a, g));
        }
        // A breakdown group's size is the breakdown question's own count.
        const trust = byItem(results.items, 'trust');
        for (const a of ['18_29', '30_44', '45_plus']) {
          const group = trust.breakdowns.find((b) => b.breakdown === 'age')!.groups.find((g) => g.value === a)!;
          expect(group.answered).toEqual(age.counts.find((c) => c.value === a)!.count);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('withholds a cell everywhere once the auditor withholds it in one table', () => {
    const people: Person[] = Array.from({ length: 120 }, (_, i) => ({
      age: ['18_29', '30_44', '45_plus'][i % 3],
      gender: ['f', 'm'][i % 2],
      trust: (i % 5) + 1,
      key: (i * 37) % 256,
    }));
    const t = tabulate(people);
    const before = t.render();
    expect(groupCell(byItem(before.items, 'age'), 'gender', 'f', '30_44').suppressed).toBe(false);
    const index = t.table.cells.findIndex(
      (c) => c.key === JSON.stringify([JSON.stringify(['value', 'age', '30_44']), JSON.stringify(['value', 'gender', 'f'])].sort()),
    );
    expect(t.table.withhold(index)).toBe(true);
    const after = t.render();
    expect(groupCell(byItem(after.items, 'age'), 'gender', 'f', '30_44')).toEqual({ count: null, suppressed: true });
    expect(groupCell(byItem(after.items, 'gender'), 'age', '30_44', 'f')).toEqual({ count: null, suppressed: true });
  });

  it('publishes no count below k, each within the noise bound of the truth, and the lines hold on true values', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 0, maxLength: 300 }), fc.integer({ min: 2, max: 10 }), (people, k) => {
        const t = tabulate(people, k);
        for (const line of t.table.lines) {
          expect(line.members.reduce((s, i) => s + t.table.value(i), 0)).toBe(t.table.value(line.total));
        }
        t.table.cells.forEach((cell, i) => {
          const shown = t.table.published(i);
          if (shown === null) return;
          if (cell.structural) expect(shown).toBe(0);
          else {
            expect(shown).toBeGreaterThanOrEqual(k);
            expect(Math.abs(shown - cell.trueValue)).toBeLessThanOrEqual(NOISE_BOUND);
          }
        });
        const results = t.render();
        if (results.publishedResponses === null) {
          expect(results).toMatchObject({ belowThreshold: true, items: [] });
        } else {
          const trust = byItem(results.items, 'trust');
          if (trust.stats) expect(trust.answered.count!).toBeGreaterThanOrEqual(statsThreshold(k));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('shows nothing, not even the count, for a municipality below k', () => {
    const results = tabulate([{ trust: 3, key: 10 }, { trust: 4, key: 200 }]).render();
    expect(results).toEqual({ responses: 2, publishedResponses: null, belowThreshold: true, tablesWithheld: false, items: [] });
  });
});
