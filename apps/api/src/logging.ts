import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@app/config';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Request logs say what happened, never who: no client address, user agent, cookies or headers,
 * no query string, and ids in paths blanked (a response id plus a log timestamp would undo the
 * day-only dates anonymous responses keep).
 */
export function loggingParams(config: AppConfig): Params {
  return {
    // Named wildcard: the path-to-regexp version Nest 11 uses rejects a bare '*'.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: req.url.split('?')[0].replace(UUID, ':id'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => ({ type: err.name, message: err.message }),
      },
      customProps: () => ({}),
      quietReqLogger: true,
    },
  };
}
