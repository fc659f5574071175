import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, type ErrorDetail } from './domain-error';

/** Deeper than any real body (a SurveyJS definition nests about 12 levels); class-transformer recurses. */
export const MAX_JSON_DEPTH = 64;
/** PostgreSQL `integer`; larger integers overflow columns (500) and no field of this API needs them. */
export const MAX_INTEGER = 2 ** 31 - 1;

/** Where @nestjs/swagger's @ApiProperty keeps its options (DECORATORS.API_MODEL_PROPERTIES; the package exports no path to it). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Metatype = ArgumentMetadata['metatype'];
interface ApiPropertyMeta {
  nullable?: boolean;
  type?: unknown;
}

/**
 * One check for every argument a route receives (body, params, query), before DTO validation:
 * what PostgreSQL or the validators cannot take gets a 400 naming the field, instead of a 500
 * further down. Refused: nesting deeper than MAX_JSON_DEPTH; text with NUL characters or lone
 * UTF-16 surrogates (in values and keys); integers beyond ±MAX_INTEGER; `__proto__` keys; and
 * `null` for a DTO property the API document does not mark nullable (leaving a field out is how
 * an edit keeps its value).
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? metadata.type);
    const problems = inspect(value, root, metadata.type === 'body' ? metadata.metatype : undefined);
    if (problems.length) throw new DomainError('invalid', 'INVALID_INPUT', 'The request is not valid', problems.slice(0, 20));
    return value;
  }
}

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

/** Iterative (an explicit stack), so a hostile depth cannot overflow this either. */
export function inspect(value: unknown, rootPath: string, metatype?: Metatype): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const stack: { value: unknown; path: string; depth: number; metatype?: Metatype }[] = [{ value, path: rootPath, depth: 0, metatype }];
  while (stack.length && problems.length < 20) {
    const item = stack.pop()!;
    const field = item.path || 'body';
    if (typeof item.value === 'string') {
      const reason = badText(item.value);
      if (reason) problems.push({ field, reason });
    } else if (typeof item.value === 'number') {
      if (!Number.isFinite(item.value) || (Number.isInteger(item.value) && Math.abs(item.value) > MAX_INTEGER)) {
        problems.push({ field, reason: `must be between ${-MAX_INTEGER} and ${MAX_INTEGER}` });
      }
    } else if (item.value !== null && typeof item.value === 'object') {
      if (item.depth >= MAX_JSON_DEPTH) {
        problems.push({ field, reason: `is nested more than ${MAX_JSON_DEPTH} levels deep` });
        continue;
      }
      const entries: [string | number, unknown][] = Array.isArray(item.value) ? item.value.map((v, i) => [i, v]) : Object.entries(item.value);
      for (const [key, child] of entries) {
        const path = join(item.path, key);
        if (typeof key === 'string') {
          const reason = key === '__proto__' ? 'is not an allowed name' : badText(key);
          if (reason) {
            problems.push({ field: path, reason: `(the name) ${reason}` });
            continue;
          }
        }
        const property = propertyMeta(item.metatype, key);
        if (child === null && item.metatype && !Array.isArray(item.value) && !property?.nullable) {
          problems.push({ field: path, reason: 'must not be null (leave it out to keep the current value)' });
          continue;
        }
        stack.push({ value: child, path, depth: item.depth + 1, metatype: nestedType(property) });
      }
    }
  }
  return problems;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/** What @ApiProperty says about a DTO property: the API document is where nullability is declared. */
function propertyMeta(metatype: Metatype, key: string | number): ApiPropertyMeta | undefined {
  if (!metatype || typeof key !== 'string' || !isClass(metatype)) return undefined;
  return Reflect.getMetadata(API_MODEL_PROPERTIES, metatype.prototype, key) as ApiPropertyMeta | undefined;
}

function nestedType(property: ApiPropertyMeta | undefined): Metatype {
  const type = Array.isArray(property?.type) ? property?.type[0] : property?.type;
  if (typeof type !== 'function') return undefined;
  // A lazy type (`type: () => Dto`) has no prototype of its own metadata; a class has.
  return isClass(type as Metatype) ? (type as Metatype) : undefined;
}

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, Date]);
function isClass(type: Metatype): type is NonNullable<Metatype> & { prototype: object } {
  return typeof type === 'function' && !PRIMITIVES.has(type) && /^class\s/.test(Function.prototype.toString.call(type));
}
