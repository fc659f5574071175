import { type CallHandler, createParamDecorator, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';

const RAW_ANSWERS = Symbol('rawAnswers');
type WithRawAnswers = { body?: { answers?: unknown }; [RAW_ANSWERS]?: unknown };

/**
 * Takes the answers out of the request body before the global ValidationPipe sees it. That pipe
 * silently deletes keys named `constructor` and `prototype` at any depth and walks the whole value
 * recursively (as does class-transformer's copy): answers would lose keys without a word, and a
 * 10,000-level body would be walked 10,000 deep. The answer validator judges every key itself,
 * iteratively (answers/answer-json.ts), and names each one it refuses. Interceptors run before pipes.
 */
@Injectable()
export class KeepRawAnswers implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<WithRawAnswers>();
    if (request.body && typeof request.body === 'object') {
      request[RAW_ANSWERS] = request.body.answers;
      request.body.answers = {};
    }
    return next.handle();
  }
}

/** The answers exactly as parsed from the JSON body (see KeepRawAnswers). */
export const RawAnswers = createParamDecorator((_: unknown, context: ExecutionContext): unknown => {
  return context.switchToHttp().getRequest<WithRawAnswers>()[RAW_ANSWERS];
});
