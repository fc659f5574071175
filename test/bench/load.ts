/**
 * Load generation for the benchmarks: wrk (C, from Debian's `wrk` package) when installed, since on a
 * 2-core machine a JavaScript load generator takes a core from the servers it measures; else autocannon.
 * Every request gets a fresh UUID in its path (PUT /.../:id), so each one creates a new row.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  completed: number;
}

export const hasWrk = () => !spawnSync('wrk', ['--version']).error;

const WRK_SCRIPT = `
local counter = 0
function init(args)
  local f = assert(io.open(args[1], "rb")); wrk.body = f:read("*a"); f:close()
  wrk.method = "PUT"; wrk.headers["Content-Type"] = "application/json"
  math.randomseed(os.time() + tonumber(args[2]))
end
local function hex(n) local s = "" for i = 1, n do s = s .. string.format("%x", math.random(0, 15)) end return s end
function request()
  local id = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-" .. string.format("%x", math.random(8, 11)) .. hex(3) .. "-" .. hex(12)
  return wrk.format(nil, wrk.path .. "/" .. id)
end
`;

export function loadWithWrk(url: string, body: object, seconds: number, connections: number): LoadResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  writeFileSync(join(dir, 'script.lua'), WRK_SCRIPT);
  writeFileSync(join(dir, 'body.json'), JSON.stringify(body));
  const run = spawnSync(
    'wrk',
    ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', join(dir, 'script.lua'), url, '--', join(dir, 'body.json'), String(process.pid)],
    { encoding: 'utf8' },
  );
  const out = run.stdout;
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? 0);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99Ms = p99 ? Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[p99[2]] : NaN;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p99Ms,
    completed: number(/(\d+) requests in/),
    errors: number(/Non-2xx or 3xx responses: (\d+)/) + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

export function loadWithAutocannon(url: string, body: object, seconds: number, connections: number): Promise<LoadResult> {
  const json = JSON.stringify(body);
  const path = new URL(url).pathname;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'PUT',
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, path: `${path}/${randomUUID()}`, body: json }) }],
      },
      (error, result) =>
        error
          ? reject(error instanceof Error ? error : new Error(String(error)))
          : resolve({
              requestsPerSecond: result.requests.average,
              p99Ms: result.latency.p99,
              completed: result.requests.total,
              errors: result.errors + result.timeouts + result.non2xx,
            }),
    );
  });
}

export function load(url: string, body: object, seconds: number, connections: number): Promise<LoadResult> {
  return hasWrk() ? Promise.resolve(loadWithWrk(url, body, seconds, connections)) : loadWithAutocannon(url, body, seconds, connections);
}
