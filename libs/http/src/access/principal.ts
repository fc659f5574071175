export type Role = 'admin' | 'staff' | 'researcher';
export const ROLES: readonly Role[] = ['admin', 'staff', 'researcher'];

/** Who is calling, as established by the auth guard from a session cookie or bearer token. */
export interface Principal {
  accountId: string;
  sessionId: string;
  role: Role;
  /** For staff: the municipalities they work for. Empty for admin and researchers, who see all. */
  municipalityIds: readonly string[];
}

/**
 * The single answer to "which municipalities' rows may this caller touch?". Services take a scope
 * and put it into their SQL, so a guessed id from another municipality simply finds nothing.
 */
export class AccessScope {
  private constructor(
    readonly role: Role,
    private readonly ids: ReadonlySet<string> | null,
  ) {}

  static of(principal: Principal): AccessScope {
    return new AccessScope(principal.role, principal.role === 'staff' ? new Set(principal.municipalityIds) : null);
  }

  /** Admin and researchers work across all municipalities (the research institute runs the study). */
  get seesAll(): boolean {
    return this.ids === null;
  }

  covers(municipalityId: string): boolean {
    return this.ids === null || this.ids.has(municipalityId);
  }

  coversAll(municipalityIds: readonly string[]): boolean {
    return municipalityIds.every((id) => this.covers(id));
  }

  /** For SQL: `municipality_id = ANY($n)` when restricted, no condition when `null`. */
  municipalityIdsOrNull(): string[] | null {
    return this.ids === null ? null : [...this.ids];
  }
}
