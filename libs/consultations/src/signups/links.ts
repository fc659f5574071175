import type { AppConfig } from '@app/config';
import { manageTokenFor } from './manage-tokens';

export const publicBaseUrl = (config: AppConfig) => config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${config.PORT}`;

/** The token rides in the fragment, which browsers never send to a server: it stays out of access logs. */
export const manageUrlFor = (config: AppConfig, signupId: string) =>
  `${publicBaseUrl(config)}/signup#${manageTokenFor(config.APP_SECRET, signupId)}`;

/** What the confirmation's QR code holds: staff scan it with a phone camera and land on check-in. */
export const checkinUrlFor = (config: AppConfig, meetingId: string, code: string) =>
  `${publicBaseUrl(config)}/staff/meetings/${meetingId}/check-in?code=${code}`;
