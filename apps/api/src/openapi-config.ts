import { DocumentBuilder } from '@nestjs/swagger';
import { CSRF_COOKIE, SESSION_COOKIE } from '@app/auth';

/** The API's title page at /api/docs: the whole platform, and how to authenticate for real. */
export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Local democracy e-platform API')
    .setDescription(
      [
        'Citizen participation for the partner municipalities: resident surveys (SurveyJS) and their responses, invitations and',
        'fieldwork counts; anonymised results compiled in the background and published per municipality; consultations with',
        'meetings, sign-ups, waitlists, check-in, messages, outcome reports and participation targets; municipalities, partner',
        'organisations, accounts, passwords, API tokens and the audit log.',
        '',
        'Public routes (`/api/public/...`) need no account and are rate limited. Everything else needs a session:',
        `the web app signs in with \`POST /api/auth/sessions\` (an httpOnly \`${SESSION_COOKIE}\` cookie; changes must echo the`,
        `\`${CSRF_COOKIE}\` cookie's value in \`X-CSRF-Token\`); scripts get a token from \`POST /api/auth/tokens\` and send`,
        '`Authorization: Bearer <token>`.',
        '',
        'Errors always have the shape `{ statusCode, error, message, code, details? }`; `details` names each field and why.',
      ].join('\n'),
    )
    .setVersion('0.1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'An opaque random token from POST /api/auth/tokens : the server keeps only its hash, so it can be listed and revoked (GET, DELETE /api/auth/tokens)',
    })
    .addCookieAuth(SESSION_COOKIE)
    .build();
}
