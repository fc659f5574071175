import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import {
  PUBLIC_ROUTE,
  RATE_LIMIT_POLICY,
  RATE_LIMITED,
  REQUIRED_ROLES,
  type RateLimitPolicy,
  type RequestWithPrincipal,
  type Role,
} from '@app/http';
import { csrfTokenInvalid, notSignedIn, roleNotAllowed, sessionInvalid } from './auth.errors';
import { RateLimitsService } from './rate-limits.service';
import { sameSecret, sha256Hex } from './secrets';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = 'dp_session';
export const CSRF_COOKIE = 'dp_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type AuthRequest = FastifyRequest & RequestWithPrincipal & { cookies?: Record<string, string | undefined> };

/**
 * The one place access is decided. Public routes are rate limited; every other route needs a live
 * session with one of the route's roles (a route with no @Roles is closed, so forgetting fails safe).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const targets = [context.getHandler(), context.getClass()];

    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(RATE_LIMITED, targets)) {
        // request.ip is the client's address as far as TRUST_PROXY lets Fastify believe X-Forwarded-For.
        await this.rateLimits.consumePublic(request.ip);
        const policy = this.reflector.getAllAndOverride<RateLimitPolicy | undefined>(RATE_LIMIT_POLICY, targets);
        const target = policy?.perTarget ? (request.params as Record<string, string | undefined>)[policy.perTarget] : undefined;
        if (target) await this.rateLimits.consumeTarget(`${request.routeOptions.url}:${target}`);
        if (policy?.signups) await this.rateLimits.consumeSignup(request.ip);
      }
      return true;
    }

    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) throw notSignedIn();
    const session = await this.sessions.resolve(token);
    // A bearer token sent as a cookie (or the reverse) is refused: cookie sessions must pass CSRF.
    if (!session || session.kind !== (bearer ? 'bearer' : 'cookie')) throw sessionInvalid();

    if (session.kind === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const sent = typeof header === 'string' ? sha256Hex(header) : '';
      if (!session.csrfTokenHash || !sameSecret(sent, session.csrfTokenHash)) throw csrfTokenInvalid();
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (!roles.includes(session.principal.role)) throw roleNotAllowed();
    request.principal = session.principal;
    return true;
  }
}
