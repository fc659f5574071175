import { startTestApp, type TestApp } from '../support/test-app';

interface Operation {
  summary?: string;
  operationId: string;
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/** Every operation in /api/docs-json says what it does and what it answers; the document names the platform and its real auth. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { info: { title: string; description: string }; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { scheme?: string; bearerFormat?: string; description?: string }> } };

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  /** What the test checks, as a function, so it can be shown to catch a broken document too. */
  const problems = (paths: typeof doc.paths) =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, op]) => {
        const found: string[] = [];
        if (!op.summary?.trim()) found.push(`${method.toUpperCase()} ${path}: no summary`);
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const described = success.some(([status, answer]) => status === '204' || Object.values(answer.content ?? {}).some((c) => c.schema));
        if (!described) found.push(`${method.toUpperCase()} ${path}: no 2xx response schema`);
        return found;
      }),
    );

  it('gives every operation a summary and a 2xx response schema', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(70);
    expect(problems(doc.paths)).toEqual([]);
  });

  it('would catch an operation without them', () => {
    const broken = structuredClone(doc.paths);
    const [path] = Object.keys(broken);
    const [method] = Object.keys(broken[path]);
    delete broken[path][method].summary;
    broken[path][method].responses = { '200': { content: {} } };
    expect(problems(broken)).toEqual([`${method.toUpperCase()} ${path}: no summary`, `${method.toUpperCase()} ${path}: no 2xx response schema`]);
  });

  it('names the whole platform and describes the bearer token as opaque, not a JWT', () => {
    expect(doc.info.title).toBe('Local democracy e-platform API');
    for (const area of ['surveys', 'results', 'consultations', 'meetings', 'sign-ups', 'accounts', 'audit']) expect(doc.info.description).toContain(area);
    const bearer = doc.components.securitySchemes.bearer;
    expect(bearer.scheme).toBe('bearer');
    expect(bearer.bearerFormat).toBe('opaque');
    expect(bearer.description).toMatch(/opaque/);
    expect(JSON.stringify(doc.components.securitySchemes)).not.toMatch(/JWT/);
  });
});
