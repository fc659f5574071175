/**
 * The real api, as production builds it (createApiApp), plus one baseline route registered here,
 * for the benchmark only: it inserts the request's JSON into the same table on the same server
 * (same HTTP stack, security headers and request log) but skips everything Nest adds: no guard,
 * no rate limit, no DTO validation, no answer validation, no survey rules.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createApiApp } from '../../apps/api/src/create-app';
import { loadConfigOrExit } from '../../libs/config/src';

async function main() {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  const pool: Pool = (app.get(DataSource).driver as PostgresDriver).master;
  const { SURVEY_ID, VERSION_ID, MUNICIPALITY_ID } = process.env;
  app
    .getHttpAdapter()
    .getInstance()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a bare Fastify route beside Nest, typed by what it reads
    .put('/bench/baseline/responses/:id', async (request: any, reply: any) => {
      await pool.query({
        name: 'bench-baseline-insert',
        text: `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, current_date)`,
        values: [request.params.id ?? randomUUID(), SURVEY_ID, VERSION_ID, MUNICIPALITY_ID, request.body.language, request.body.status, request.body.answers, '0'.repeat(64)],
      });
      return reply.status(201).send({ id: request.params.id });
    });
  await app.listen({ host: config.HOST, port: config.PORT });
  process.send?.('ready');
}

void main();
