import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { DomainError } from '../domain-error';

export type CsvLanguage = 'lt' | 'en';

/**
 * A CSV file as a feature returns it: a name and the rows as text. The interceptor below sends it
 * the way Excel opens it well: a UTF-8 byte-order mark (without one Excel reads UTF-8 as the
 * local code page and garbles ą, č, ė...), and a file name in both header forms.
 */
export class CsvDownload {
  constructor(
    readonly fileName: string,
    readonly body: string,
  ) {}
}

const BOM = '\uFEFF';

/** RFC 6266: an ASCII fallback for old clients, and the exact name as UTF-8 in filename*. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@Injectable()
export class CsvDownloadInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        if (!(body instanceof CsvDownload)) return body;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        void reply.header('content-type', 'text/csv; charset=utf-8');
        void reply.header('content-disposition', contentDisposition(body.fileName));
        void reply.header('cache-control', 'no-store');
        return BOM + body.body;
      }),
    );
  }
}

/** `?lang=lt|en` when given (the web page sends its language), else the browser's Accept-Language, else English. */
export function csvLanguageOf(lang: unknown, acceptLanguage: string | undefined): CsvLanguage {
  if (lang !== undefined) {
    if (lang === 'lt' || lang === 'en') return lang;
    throw new DomainError('invalid', 'INVALID_INPUT', 'The request is not valid', [{ field: 'lang', reason: 'lang must be lt or en' }]);
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { primary: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => (entry.primary === 'lt' || entry.primary === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.primary as CsvLanguage | undefined) ?? 'en';
}

export const CsvLanguageParam = createParamDecorator((_: unknown, context: ExecutionContext): CsvLanguage => {
  const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: Record<string, unknown> }>>();
  return csvLanguageOf(request.query?.lang, request.headers['accept-language']);
});

const VILNIUS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius', year: 'numeric', month: '2-digit', day: '2-digit' });
const VILNIUS_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vilnius', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2026-12-12: the day in Vilnius, for file names and date columns. */
export const vilniusDate = (date: Date): string => VILNIUS_DATE.format(date);
/** 2026-12-12 17:05 in Vilnius time: what Excel shows and sorts as a date-time. */
export const vilniusDateTime = (date: Date): string => `${vilniusDate(date)} ${VILNIUS_TIME.format(date)}`;

/** Spreadsheets would run typed text starting with = + - @ (or a tab or return) as a formula. */
export const formulaSafe = (typed: string | null | undefined): string =>
  typed === null || typed === undefined ? '' : /^[=+\-@\t\r]/.test(typed) ? `'${typed}` : typed;
