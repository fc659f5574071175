/**
 * The real api, as production builds it (createApiApp), plus one baseline route for bench:signup:
 * it inserts the posted name and contact into a plain table on the same server (same HTTP stack,
 * security headers and request log) with no guard, rate limit, validation, lock or messages.
 */
import 'reflect-metadata';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createApiApp } from '../../apps/api/src/create-app';
import { loadConfigOrExit } from '../../libs/config/src';

async function main() {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  const pool: Pool = (app.get(DataSource).driver as PostgresDriver).master;
  app
    .getHttpAdapter()
    .getInstance()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a bare Fastify route beside Nest, typed by what it reads
    .post('/bench/baseline/signups', async (request: any, reply: any) => {
      const { rows } = await pool.query({
        name: 'bench-baseline-signup',
        text: `INSERT INTO bench_baseline_signup (name, contact) VALUES ($1, $2) RETURNING id`,
        values: [request.body.name, request.body.contact],
      });
      return reply.status(201).send({ id: rows[0].id, status: 'confirmed' });
    });
  await app.listen({ host: config.HOST, port: config.PORT });
  process.send?.('ready');
}

void main();
