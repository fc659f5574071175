/**
 * What the accounts API answers with. A types-only file (no decorators, no server imports) so the
 * web app imports it type-only and cannot drift from the server. The relative import of Role is
 * deliberate: the web app's compiler knows no `@app/*` path aliases.
 */
import type { Role } from '../../http/src/access/principal';

export type { Role };

export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  municipalityCodes: string[];
  disabled: boolean;
}

/** A bearer token for scripts, listed without its secret (GET /api/auth/tokens). */
export interface ApiTokenView {
  id: string;
  label: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** The token this request came with. */
  current: boolean;
}
