import { valueOf, type PublishedItem, type PublishedMunicipality, type Record_ } from './published';

/**
 * Time differencing: two documents of the same municipality, before and after some new responses.
 * Each published count that changed says someone new is in that cell (with deterministic noise, a
 * cell whose people did not change keeps its value, so even a change downwards says so); with one
 * new respondent (the live behaviour), the cells that changed are that respondent's answers.
 *
 * `scope` narrows the reading to one breakdown group (e.g. the only new 18-29 respondent): the
 * group's tables are then read the same way.
 */
export function differenceRecord(
  before: PublishedMunicipality,
  after: PublishedMunicipality,
  scope?: { breakdown: string; group: string | null },
): Record_ {
  const record: Record_ = new Map();
  const beforeItems = new Map(before.items.map((i) => [i.item, i]));
  for (const item of after.items) {
    if (item.kind === 'numeric') continue;
    const old = beforeItems.get(item.item);
    if (!old) continue;
    const tables = scope ? groupTables(old, item, scope) : { then: old, now: item };
    if (!tables) continue;
    const diff = tables.now.counts.map((c, i) => {
      const a = valueOf(tables.then.counts[i]?.count);
      const b = valueOf(c.count);
      return { value: c.value, delta: a === null || b === null ? null : b - a };
    });
    const answeredThen = valueOf(tables.then.answered);
    const answeredNow = valueOf(tables.now.answered);
    const answeredDelta = answeredThen === null || answeredNow === null ? null : answeredNow - answeredThen;
    if (item.kind === 'multiple') {
      const chosen = diff.filter((d) => d.delta !== null && d.delta !== 0).map((d) => d.value).sort();
      record.set(item.item, chosen.length ? chosen : answeredDelta === 0 ? null : []);
      continue;
    }
    // One answer: of the values that changed, the one that went up most; none changed (and answered did not) = skipped.
    const best = diff.filter((d) => d.delta !== null && d.delta !== 0).sort((x, y) => y.delta! - x.delta!)[0];
    if (best) record.set(item.item, best.value);
    else if (answeredDelta === 0) record.set(item.item, null);
    else {
      // What went up is withheld in one of the documents: the unreadable values are the candidates.
      const unknown = diff.filter((d) => d.delta === null);
      record.set(item.item, unknown.length ? unknown[0].value : null);
    }
  }
  return record;
}

function groupTables(old: PublishedItem, item: PublishedItem, scope: { breakdown: string; group: string | null }) {
  const pick = (i: PublishedItem) => i.breakdowns.find((b) => b.breakdown === scope.breakdown)?.groups.find((g) => g.value === scope.group);
  const then = pick(old);
  const now = pick(item);
  return then && now ? { then, now } : null;
}
