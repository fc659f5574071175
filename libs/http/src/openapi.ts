import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Small builders for response schemas, so each operation states what it answers without a class
 * per view (the views are the services' TypeScript interfaces; these mirror them for OpenAPI).
 */
export const schema = {
  uuid: { type: 'string', format: 'uuid' } as SchemaObject,
  text: { type: 'string' } as SchemaObject,
  textOrNull: { type: 'string', nullable: true } as SchemaObject,
  int: { type: 'integer' } as SchemaObject,
  intOrNull: { type: 'integer', nullable: true } as SchemaObject,
  number: { type: 'number' } as SchemaObject,
  bool: { type: 'boolean' } as SchemaObject,
  time: { type: 'string', format: 'date-time' } as SchemaObject,
  timeOrNull: { type: 'string', format: 'date-time', nullable: true } as SchemaObject,
  enumOf: (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] }),
  /** Free-form JSON (a SurveyJS definition, answers). */
  json: { type: 'object', additionalProperties: true } as SchemaObject,
  object: (properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject => ({
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
  }),
  nullable: (inner: SchemaObject): SchemaObject => ({ ...inner, nullable: true }),
  list: (items: SchemaObject): SchemaObject => ({ type: 'array', items }),
  /** `{ items: [...] }`, the shape list endpoints answer with. */
  items: (items: SchemaObject): SchemaObject => schema.object({ items: { type: 'array', items } }),
};

interface Answer {
  /** Default 200. */
  status?: number;
  schema?: SchemaObject;
  /** A file (CSV, iCalendar) instead of JSON. */
  produces?: string;
  description?: string;
}

/**
 * One decorator per operation: its summary and what it answers on success (a 204 answers nothing).
 * Errors share one shape, described once in the README and the API description.
 */
export function ApiDoc(summary: string, answer: Answer = {}) {
  const status = answer.status ?? 200;
  const description = answer.description ?? (status === 204 ? 'Done; no content' : 'OK');
  const response = answer.produces
    ? ApiResponse({ status, description, content: { [answer.produces]: { schema: { type: 'string', format: 'binary' } } } })
    : answer.schema
      ? ApiResponse({ status, description, schema: answer.schema })
      : ApiResponse({ status, description });
  return applyDecorators(ApiOperation({ summary }), response);
}
