import { schema as s } from '@app/http';

export const accountSchema = s.object({
  id: s.uuid, email: s.text, displayName: s.text, role: s.enumOf(['admin', 'staff', 'researcher']),
  municipalityCodes: s.list(s.text), disabled: s.bool,
});
export const signedInSchema = s.object({ account: accountSchema, csrfToken: s.text, expiresAt: s.time });
export const issuedTokenSchema = s.object({ token: { type: 'string', description: 'Shown once; send as Authorization: Bearer <token>' }, tokenType: s.enumOf(['Bearer']), expiresAt: s.time });
export const apiTokenSchema = s.object({ id: s.uuid, label: s.textOrNull, createdAt: s.time, expiresAt: s.time, current: s.bool });
export const acceptedSchema = s.object({ accepted: s.bool });
