import { settings } from 'survey-core';

/**
 * The server never calls an address a survey definition names. survey-core loads `choicesByUrl`
 * with XMLHttpRequest or, in Node, the global fetch; a URL template such as `{email}` would send a
 * resident's answers to that address. So the server gives survey-core a copy of the definition
 * without `choicesByUrl` (its names are kept: those questions take free text, see value-shape.ts),
 * and, should any request be built anyway, survey-core's own hook points it at an empty data: URL,
 * which Node answers without touching the network.
 */
settings.web.onBeforeRequestChoices = (_sender: unknown, options: { url: string; fetchOptions?: unknown; request?: unknown }) => {
  options.url = 'data:application/json,[]';
  const request = options.request as { open?: (method: string, url: string) => void } | undefined;
  request?.open?.('GET', options.url);
};

export interface ServerDefinition {
  /** The definition as given, without any `choicesByUrl`. */
  definition: object;
  /** Names of the questions (or matrix columns) that had one. */
  choicesByUrl: Set<string>;
}

export function withoutOutsideCalls(definition: unknown): ServerDefinition {
  const choicesByUrl = new Set<string>();
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'choicesByUrl') {
        const name = (node as { name?: unknown }).name;
        if (typeof name === 'string') choicesByUrl.add(name);
        // survey-core keeps a value it cannot find among choices still loading; without the
        // address, a dropdown keeps it only when typed-in choices are allowed.
        copy.allowCustomChoices = true;
        continue;
      }
      Object.defineProperty(copy, key, { value: strip(value), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  return { definition: strip(definition) as object, choicesByUrl };
}
