import { useI18n, type Lang } from '../components/i18n';

/** Texts of the workspace shell and the password pages (everyone signed in, and those who forgot). */
const lt = {
  admin: 'Administravimas',
  changePassword: 'Keisti slaptažodį',
  currentPassword: 'Dabartinis slaptažodis',
  newPassword: 'Naujas slaptažodis',
  newPasswordHint: 'Bent 12 simbolių; ne jūsų el. paštas.',
  repeatPassword: 'Pakartokite naują slaptažodį',
  mismatch: 'Slaptažodžiai nesutampa.',
  tooShort: 'Bent 12 simbolių.',
  save: 'Keisti',
  passwordChanged: 'Slaptažodis pakeistas. Kiti jūsų prisijungimai baigti.',
  forgot: 'Pamiršote slaptažodį?',
  forgotTitle: 'Slaptažodžio atkūrimas',
  forgotIntro: 'Įrašykite savo el. paštą: atsiųsime nuorodą naujam slaptažodžiui nustatyti. Nuoroda galioja trumpai ir tik kartą.',
  email: 'El. paštas',
  send: 'Siųsti nuorodą',
  sent: 'Jei tokia paskyra yra, nuoroda išsiųsta. Patikrinkite paštą.',
  resetTitle: 'Naujas slaptažodis',
  resetBadLink: 'Ši nuoroda neišsami. Atidarykite visą nuorodą iš laiško.',
  resetDone: 'Slaptažodis nustatytas. Dabar galite prisijungti.',
  signIn: 'Prisijungti',
  tokensTitle: 'API prieigos raktai',
  tokensIntro: 'Raktai scenarijams (bearer). Atšauktas raktas nebegalioja iš karto.',
  noTokens: 'Raktų nėra.',
  tokenCreated: (date: string) => `sukurtas ${date}`,
  tokenExpires: (date: string) => `galioja iki ${date}`,
  noLabel: 'be pavadinimo',
  revoke: 'Atšaukti',
  passwordErrors: {
    CURRENT_PASSWORD_WRONG: 'Dabartinis slaptažodis neteisingas.',
    PASSWORD_REJECTED: 'Toks slaptažodis netinka: bent 12 simbolių, ne el. paštas, ne vienas pasikartojantis simbolis.',
    RESET_TOKEN_INVALID: 'Ši nuoroda negalioja, jau panaudota arba pasibaigė. Paprašykite naujos.',
  } as Partial<Record<string, string>>,
};

type Dict = typeof lt;

const en: Dict = {
  admin: 'Administration',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 12 characters; not your email.',
  repeatPassword: 'Repeat the new password',
  mismatch: 'The passwords do not match.',
  tooShort: 'At least 12 characters.',
  save: 'Change',
  passwordChanged: 'Password changed. Your other sign-ins have ended.',
  forgot: 'Forgot your password?',
  forgotTitle: 'Reset your password',
  forgotIntro: 'Enter your email: we will send a link to set a new password. The link works once and not for long.',
  email: 'Email',
  send: 'Send the link',
  sent: 'If there is such an account, the link has been sent. Check your mail.',
  resetTitle: 'New password',
  resetBadLink: 'This link is incomplete. Open the whole link from the email.',
  resetDone: 'Your password is set. You can sign in now.',
  signIn: 'Sign in',
  tokensTitle: 'API tokens',
  tokensIntro: 'Tokens for scripts (bearer). A revoked token stops working at once.',
  noTokens: 'No tokens.',
  tokenCreated: (date: string) => `created ${date}`,
  tokenExpires: (date: string) => `valid until ${date}`,
  noLabel: 'no label',
  revoke: 'Revoke',
  passwordErrors: {
    CURRENT_PASSWORD_WRONG: 'The current password is wrong.',
    PASSWORD_REJECTED: 'This password cannot be used: 12+ characters, not your email, not one repeated key.',
    RESET_TOKEN_INVALID: 'This link is not valid, was already used or has expired. Ask for a new one.',
  },
};

const DICTS: Record<Lang, Dict> = { lt, en };

export function useWorkspaceI18n() {
  const i18n = useI18n();
  return { ...i18n, p: DICTS[i18n.lang] };
}
