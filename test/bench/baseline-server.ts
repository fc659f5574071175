/**
 * The floor for bench:submit: the same JSON inserted into the same table, with no framework,
 * no validation, no rate limit and no checks. Raw Fastify (JSON parsing) and a pg pool of the same size.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const { SURVEY_ID, VERSION_ID, MUNICIPALITY_ID } = process.env;
const app = Fastify({ bodyLimit: 256 * 1024 });

app.put<{ Params: { id: string }; Body: { language: string; status: string; answers: object } }>(
  '/baseline/responses/:id',
  async (request, reply) => {
    await pool.query(
      `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, current_date)`,
      [request.params.id, SURVEY_ID, VERSION_ID, MUNICIPALITY_ID, request.body.language, request.body.status, request.body.answers, '0'.repeat(64)],
    );
    return reply.status(201).send({ id: request.params.id });
  },
);

app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) }).then(() => process.send?.('ready'));
