import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { mergeMap, type Observable } from 'rxjs';
import type { RequestWithPrincipal } from '@app/http';
import { recordAudit, type AuditAction, type AuditDetails, type AuditTarget } from './audit-entry';

const AUDITED = 'audit:action';

interface AuditedRoute {
  action: AuditAction;
  targetType: AuditTarget;
  /** The route parameter holding the target's id. */
  param: string;
  /** Counts from the response body (never its values). */
  details?: (body: unknown) => AuditDetails;
}

/**
 * For actions whose service another feature owns (results, invitations): the entry is written
 * once the handler succeeded, with the caller and the route's target id. Actions in this
 * repository's consultation and account services record in their own transaction instead.
 */
export const Audited = (action: AuditAction, targetType: AuditTarget, param = 'id', details?: AuditedRoute['details']) =>
  SetMetadata(AUDITED, { action, targetType, param, details } satisfies AuditedRoute);

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<AuditedRoute | undefined>(AUDITED, context.getHandler());
    if (!route || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithPrincipal & { params: Record<string, string> }>();
    return next.handle().pipe(
      mergeMap(async (body) => {
        await recordAudit(this.dataSource.manager, {
          actor: request.principal ?? null,
          action: route.action,
          targetType: route.targetType,
          targetId: request.params[route.param] ?? null,
          details: route.details?.(body),
        });
        return body;
      }),
    );
  }
}
