import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AccessScope, type Principal, type Role } from './principal';

export const PUBLIC_ROUTE = 'access:public';
export const REQUIRED_ROLES = 'access:roles';
export const RATE_LIMITED = 'access:rate-limited';
export const RATE_LIMIT_POLICY = 'access:rate-limit-policy';

/**
 * Limits on top of the per-address one every public route has. `perTarget` names a route
 * parameter (a response id): requests for one target are limited strictly, whoever sends them, so
 * many residents behind one address are not held back by each other. `signups` adds the hourly
 * per-address limit on asking for places.
 */
export interface RateLimitPolicy {
  perTarget?: string;
  signups?: boolean;
}
export const RateLimit = (policy: RateLimitPolicy) => SetMetadata(RATE_LIMIT_POLICY, policy);

/** No sign-in needed. Public routes are rate limited per client address unless told otherwise (health checks). */
export const Public = ({ rateLimited = true }: { rateLimited?: boolean } = {}) =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), SetMetadata(RATE_LIMITED, rateLimited));

/** Signed-in callers with one of these roles; every route that is not @Public() needs one. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface RequestWithPrincipal {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});

export const CurrentScope = createParamDecorator((_: unknown, context: ExecutionContext): AccessScope => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentScope used on a route without authentication');
  return AccessScope.of(principal);
});
