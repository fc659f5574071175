import { createHash } from 'node:crypto';
import loadHighs from 'highs';
import { composeRound, CompositionInputError, type Applicant, type CompositionInput, type ProposedSession } from './index';
import { bruteForce, referenceLpBound } from '../../../../test/support/focus-groups/composition-reference';

/** Hand-checked cases; the generated ones are in composition.properties.spec.ts. */

const session = (id: string, extra: Partial<ProposedSession> = {}): ProposedSession => ({ id, capacity: 8, segment: 'mixed', ...extra });
const applicant = (id: string, availability: Applicant['availability'], segment: string | null = 'town'): Applicant => ({
  id,
  segment,
  availability,
});
const round = (sessions: ProposedSession[], applicants: Applicant[], extra: Partial<CompositionInput> = {}): CompositionInput => ({
  roundId: 'r1',
  seed: 'seed-1',
  sessions,
  applicants,
  ...extra,
});
const many = (n: number, prefix: string, availability: Applicant['availability'], segment: string | null = 'town') =>
  Array.from({ length: n }, (_, i) => applicant(`${prefix}${i}`, availability, segment));

describe('focus-group composition', () => {
  it('over-recruits by the show rate, never past the cap', async () => {
    const result = await composeRound(
      round(
        [
          session('eight'),
          session('ten', { capacity: 10 }),
          session('low-rate', { showRate: 0.5 }),
          session('certain', { showRate: 1 }),
          session('four', { capacity: 4 }),
        ],
        [],
      ),
    );
    const target = Object.fromEntries(result.sessions.map((s) => [s.sessionId, [s.invitationTarget, s.invitationCap]]));
    expect(target).toEqual({ eight: [12, 12], ten: [15, 15], 'low-rate': [12, 12], certain: [8, 12], four: [6, 6] });
    const capped = await composeRound(round([session('eight')], [], { maxInvitedPerSession: 11 }));
    expect(capped.sessions[0].invitationTarget).toBe(11);
  });

  it('prefers "yes" over "if need be", and says why the others were not chosen', async () => {
    const sessions = [session('s', { capacity: 4, showRate: 1 })];
    const applicants = [...many(2, 'yes', { s: 'yes' }), ...many(4, 'maybe', { s: 'if_need_be' }), applicant('never', { s: 'no' })];
    const result = await composeRound(round(sessions, applicants));
    const invited = result.sessions[0].invited.map((i) => i.applicantId);
    expect(invited).toEqual(expect.arrayContaining(['yes0', 'yes1']));
    expect(invited).toHaveLength(4);
    const reasons = Object.fromEntries(result.notChosen.map((n) => [n.applicantId, n.reason]));
    expect(reasons.never).toBe('unavailable');
    // The two "if need be" left out tied with the two invited "if need be": the draw decided.
    const left = result.notChosen.filter((n) => n.applicantId.startsWith('maybe'));
    expect(left.map((n) => n.reason)).toEqual(['lost_draw', 'lost_draw']);
    const invitedMaybe = result.sessions[0].invited.filter((i) => i.availability === 'if_need_be');
    for (const n of left) {
      expect(n.lostToDrawPosition).toBe(Math.max(...invitedMaybe.map((i) => i.drawPosition)));
      expect(n.drawPosition).toBeGreaterThan(n.lostToDrawPosition!);
      expect(n.reserveFor).toEqual([{ sessionId: 's', position: expect.any(Number) }]);
    }
  });

  it('explains "if need be" left out when the places went to "yes"', async () => {
    const result = await composeRound(
      round([session('s', { capacity: 4, showRate: 1 })], [...many(4, 'yes', { s: 'yes' }), applicant('maybe', { s: 'if_need_be' })]),
    );
    expect(result.notChosen).toEqual([expect.objectContaining({ applicantId: 'maybe', reason: 'others_available_yes', sessionId: 's' })]);
  });

  it('keeps a named session to its segment and says so to the others', async () => {
    const result = await composeRound(
      round(
        [session('youth', { segment: '18-29' })],
        [...many(3, 'y', { youth: 'yes' }, '18-29'), applicant('old', { youth: 'yes' }, '65+'), applicant('none', { youth: 'yes' }, null)],
      ),
    );
    expect(result.sessions[0].invited.map((i) => i.applicantId).sort()).toEqual(['y0', 'y1', 'y2']);
    expect(result.notChosen.map((n) => [n.applicantId, n.reason])).toEqual([
      ['none', 'segment_not_served'],
      ['old', 'segment_not_served'],
    ]);
  });

  it('a mixed homogeneous session takes one segment, the one coverage asks for', async () => {
    const applicants = [...many(9, 'a', { s: 'yes' }, 'town'), ...many(5, 'b', { s: 'if_need_be' }, 'rural')];
    const plain = await composeRound(round([session('s', { homogeneous: true })], applicants));
    expect(plain.sessions[0].servesSegment).toBe('town');
    const covered = await composeRound(
      round([session('s', { homogeneous: true })], applicants, { coverage: [{ segment: 'rural', minSessions: 1 }] }),
    );
    expect(covered.sessions[0].servesSegment).toBe('rural');
    expect(new Set(covered.sessions[0].invited.map((i) => i.applicantId.charAt(0)))).toEqual(new Set(['b']));
    expect(covered.figures.coverage).toEqual([expect.objectContaining({ segment: 'rural', sessions: 1, met: true })]);
    expect(covered.notChosen.find((n) => n.applicantId === 'a0')?.reason).toBe('segment_not_served');
  });

  it('runs at most the target number of groups, and says which sessions do not run and why', async () => {
    const result = await composeRound(
      round(
        [session('big'), session('small', { capacity: 4 })],
        [...many(12, 'b', { big: 'yes' }), applicant('only-small', { small: 'yes' })],
        { targetGroups: 1, targetSeats: 12 },
      ),
    );
    expect(result.sessions.map((s) => [s.sessionId, s.runs, s.notRunReason])).toEqual([
      ['big', true, undefined],
      ['small', false, 'target_groups_reached'],
    ]);
    expect(result.notChosen).toEqual([
      expect.objectContaining({ applicantId: 'only-small', reason: 'sessions_not_running', sessionId: 'small' }),
    ]);
    expect(result.figures.targets).toEqual({ groups: { target: 1, running: 1, met: true }, seats: { target: 12, planned: 8, met: false } });
  });

  it('reports a coverage target it cannot meet, and why', async () => {
    const result = await composeRound(
      round([session('s')], many(3, 't', { s: 'yes' }), { coverage: [{ segment: 'rural', minPlaces: 2 }] }),
    );
    expect(result.figures.coverage).toEqual([
      { segment: 'rural', minSessions: 0, sessions: 0, minPlaces: 2, places: 0, expectedSeats: 0, met: false, shortfall: 'no_applicants' },
    ]);
  });

  it('orders reserves by what they add, then by the draw', async () => {
    const result = await composeRound(
      round([session('s', { capacity: 4, showRate: 1 })], [...many(6, 'yes', { s: 'yes' }), ...many(3, 'maybe', { s: 'if_need_be' })]),
    );
    const reserves = result.sessions[0].reserves;
    expect(reserves.slice(0, 2).every((id) => id.startsWith('yes'))).toBe(true);
    expect(reserves.slice(2).every((id) => id.startsWith('maybe'))).toBe(true);
    const position = new Map(result.notChosen.map((n) => [n.applicantId, n.drawPosition]));
    expect(position.get(reserves[0])!).toBeLessThan(position.get(reserves[1])!);
  });

  it('draws by SHA-256 of the seed and the id, which anyone can redo', async () => {
    const applicants = many(20, 'p', { s: 'yes' });
    const result = await composeRound(round([session('s', { capacity: 4, showRate: 1 })], applicants, { seed: 'public-seed' }));
    const redone = applicants
      .map((a) => ({ id: a.id, key: createHash('sha256').update(`public-seed\n${a.id}`).digest('hex') }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .map((a) => a.id);
    // Everyone ties, so the first four drawn are invited, and the reserves follow the draw.
    expect(result.sessions[0].invited.map((i) => i.applicantId)).toEqual(redone.slice(0, 4));
    expect(result.sessions[0].reserves).toEqual(redone.slice(4, 8));
  });

  it('hashes the input independently of order, of "no" being written or left out, and of the seed', async () => {
    const base = round([session('a'), session('b')], [applicant('x', { a: 'yes', b: 'no' }), applicant('y', { b: 'if_need_be' })]);
    const same = {
      ...base,
      sessions: [...base.sessions].reverse(),
      applicants: [applicant('y', { b: 'if_need_be', a: 'no' }), applicant('x', { a: 'yes' })],
    };
    const other = { ...base, applicants: [applicant('x', { a: 'yes', b: 'no' }), applicant('y', { b: 'yes' })] };
    const reseeded = { ...base, seed: 'another seed' };
    const [h1, h2, h3, h4] = await Promise.all([base, same, other, reseeded].map(async (input) => (await composeRound(input)).inputHash));
    expect(h2).toBe(h1);
    expect(h3).not.toBe(h1);
    // The seed is stored beside the hash, not in it.
    expect(h4).toBe(h1);
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
  });

  it('composes an empty round without the solver', async () => {
    const result = await composeRound(round([session('s')], []));
    expect(result.figures).toMatchObject({
      invited: 0,
      objective: { total: 0 },
      lpBound: 0,
      ratio: 1,
      solver: { status: 'nothing_to_solve' },
    });
    const none = await composeRound(round([], [applicant('x', {})]));
    expect(none.notChosen).toEqual([expect.objectContaining({ applicantId: 'x', reason: 'unavailable' })]);
  });

  it('refuses bad input naming each field', async () => {
    const bad = {
      roundId: 'r',
      seed: '',
      sessions: [session('a', { capacity: 11 }), session('a', { showRate: 0 })],
      applicants: [applicant('x', { nope: 'yes' }, 'mixed'), { id: 'y', segment: null, availability: { a: 'perhaps' } }],
    };
    const error = await composeRound(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompositionInputError);
    const fields = (error as CompositionInputError).issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'seed',
        'sessions[0].capacity',
        'sessions[1].showRate',
        'applicants[0].segment',
        'applicants[1].availability.a',
      ]),
    );
    const crossField = await composeRound({
      ...bad,
      seed: 's',
      sessions: [session('a'), session('a')],
      applicants: [applicant('x', { nope: 'yes' })],
    }).catch((e: unknown) => e);
    expect((crossField as CompositionInputError).issues).toEqual([
      { field: 'sessions[1].id', message: 'duplicate session id "a"' },
      { field: 'applicants[0].availability.nope', message: 'not a proposed session of this round' },
    ]);
  });

  it('a minimum group size can leave the LP relaxation well above the true optimum (a gap of the relaxation, not of the engine)', async () => {
    // 5 applicants, 4 sessions that each need exactly 4 (no over-recruitment): one session of 4 is
    // the best there is; the relaxation spreads all 5 over fractions of sessions.
    const input = round(
      ['a', 'b', 'c', 'd'].map((id) => session(id, { capacity: 4, segment: '18-29' })),
      many(5, 'p', { a: 'if_need_be', b: 'if_need_be', c: 'if_need_be', d: 'if_need_be' }, '18-29'),
      { maxOverRecruitment: 1, minGroupSize: 4 },
    );
    const result = await composeRound(input);
    const lp = referenceLpBound(await loadHighs(), input);
    expect(result.figures.objective.total).toBe(bruteForce(input).objective);
    expect(result.figures.objective.total).toBe(4 * 900 + 4 * 50);
    expect(lp).toBe(5 * 900 + 5 * 50);
    expect(result.figures.lpBound).toBe(lp);
    expect(result.figures.ratio).toBeCloseTo(3800 / 4750, 6);
  });
});
