import { AccessScope, type Principal } from './principal';

const principal = (role: Principal['role'], municipalityIds: string[] = []): Principal => ({
  accountId: 'a',
  sessionId: 's',
  role,
  municipalityIds,
});

describe('AccessScope', () => {
  it('limits staff to their municipalities', () => {
    const scope = AccessScope.of(principal('staff', ['m1', 'm2']));
    expect(scope.seesAll).toBe(false);
    expect(scope.covers('m1')).toBe(true);
    expect(scope.covers('m3')).toBe(false);
    expect(scope.coversAll(['m1', 'm2'])).toBe(true);
    expect(scope.coversAll(['m1', 'm3'])).toBe(false);
    expect(scope.municipalityIdsOrNull()).toEqual(['m1', 'm2']);
  });

  it('gives staff with no municipality nothing, not everything', () => {
    const scope = AccessScope.of(principal('staff', []));
    expect(scope.covers('m1')).toBe(false);
    expect(scope.municipalityIdsOrNull()).toEqual([]);
  });

  it('lets admin and researchers see every municipality', () => {
    for (const role of ['admin', 'researcher'] as const) {
      const scope = AccessScope.of(principal(role, ['ignored']));
      expect(scope.seesAll).toBe(true);
      expect(scope.covers('anything')).toBe(true);
      expect(scope.municipalityIdsOrNull()).toBeNull();
    }
  });
});
