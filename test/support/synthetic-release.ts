import type { AuditCell, AuditInput, AuditLine } from '../../libs/results/src/audit';

/**
 * A release shaped like the shipped resident survey, for the auditor's benchmark: `items` closed
 * questions of `values` answers each, crossed with `breakdowns` breakdowns of `groups` groups (plus
 * "not stated"), with every line a reader knows (values add up to answered, answered + skipped to
 * the responses, groups to the overall figure). Answers and groups are skewed (a few popular
 * values, rare groups); each published count is the truth plus a noise in [-noise, noise]; counts
 * whose perturbed value is below k are withheld.
 */
export interface SyntheticReleaseShape {
  responses: number;
  items: number;
  values: number;
  breakdowns: number;
  groups: number;
  k: number;
  noise: number;
  seed: number;
}

export function syntheticRelease(shape: SyntheticReleaseShape): AuditInput {
  const random = mulberry32(shape.seed);
  const skewed = (choices: number) => {
    // Zipf-like: value i with weight 1 / (i + 1)^1.3, so the last values are rare.
    const weights = Array.from({ length: choices }, (_, i) => 1 / (i + 1) ** 1.3);
    const total = weights.reduce((a, b) => a + b, 0);
    let u = random() * total;
    for (let i = 0; i < choices; i++) if ((u -= weights[i]) <= 0) return i;
    return choices - 1;
  };
  // Each respondent: a group per breakdown (groups + 1 = not stated), an answer or a skip per item.
  const people = Array.from({ length: shape.responses }, () => ({
    groups: Array.from({ length: shape.breakdowns }, () => skewed(shape.groups + 1)),
    answers: Array.from({ length: shape.items }, () => (random() < 0.08 ? -1 : skewed(shape.values))),
  }));

  const cells: AuditCell[] = [];
  const lines: AuditLine[] = [];
  const cell = (key: string, trueValue: number) => {
    const perturbed = trueValue + Math.round((random() * 2 - 1) * shape.noise);
    cells.push({ key, trueValue, published: perturbed < shape.k ? null : perturbed });
    return cells.length - 1;
  };
  const total = cell('responses', shape.responses);
  // Breakdown groups: one size cell each (the breakdown question's own count), adding up to the responses.
  const groupsOf = Array.from({ length: shape.breakdowns }, (_, b) => {
    const groups = Array.from({ length: shape.groups + 1 }, (_, g) => {
      const who = people.filter((p) => p.groups[b] === g);
      return { who, size: cell(`b${b}:g${g}:size`, who.length) };
    });
    lines.push({ members: groups.map((g) => g.size), total });
    return groups;
  });
  for (let item = 0; item < shape.items; item++) {
    const counts = (who: typeof people) => {
      const byValue = new Array<number>(shape.values).fill(0);
      let answered = 0;
      for (const p of who) {
        if (p.answers[item] < 0) continue;
        byValue[p.answers[item]]++;
        answered++;
      }
      return { byValue, answered };
    };
    const table = (prefix: string, who: typeof people, size: number) => {
      const { byValue, answered } = counts(who);
      const values = byValue.map((n, v) => cell(`${prefix}:v${v}`, n));
      const answeredCell = cell(`${prefix}:answered`, answered);
      const skipped = cell(`${prefix}:skipped`, who.length - answered);
      lines.push({ members: values, total: answeredCell }, { members: [answeredCell, skipped], total: size });
      return { values, answered: answeredCell, skipped };
    };
    const overall = table(`i${item}`, people, total);
    for (let b = 0; b < shape.breakdowns; b++) {
      const groups = groupsOf[b].map(({ who, size }, g) => table(`b${b}:g${g}:i${item}`, who, size));
      for (let v = 0; v < shape.values; v++) lines.push({ members: groups.map((g) => g.values[v]), total: overall.values[v] });
      lines.push({ members: groups.map((g) => g.answered), total: overall.answered });
      lines.push({ members: groups.map((g) => g.skipped), total: overall.skipped });
    }
  }
  return { k: shape.k, noiseBound: shape.noise, release: { cells, lines }, earlier: [] };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
