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
