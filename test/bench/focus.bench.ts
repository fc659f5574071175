/**
 * bench:focus — the focus-group composition engine on synthetic rounds: 3,000 applicants with
 * random availability and age bands over 60 proposed sessions in 10 municipalities (one round each,
 * test/support/focus-groups/synthetic-rounds.ts). Times the composition of all rounds, cold (the
 * first in the process; the last line) and warm (again). HiGHS's load is printed apart. In the same run,
 * apart from the engine (test/support/focus-groups/composition-reference.ts, its own HiGHS runtime
 * and its own model as CPLEX LP text): the LP relaxation's bound on the places and on the objective,
 * the time those relaxations alone take (the baseline), and every broken rule.
 *
 * BENCH_FOCUS_APPLICANTS, BENCH_FOCUS_MUNICIPALITIES, BENCH_FOCUS_SESSIONS (per municipality),
 * BENCH_FOCUS_SEED change the run.
 */
import loadHighs from 'highs';
import { composeRounds } from '../../libs/focus-groups/src/composition';
import { highsRuntime } from '../../libs/results/src/audit/highs-runtime';
import { referenceLpBound, referencePlacesBound, violations } from '../support/focus-groups/composition-reference';
import { syntheticRounds } from '../support/focus-groups/synthetic-rounds';

const APPLICANTS = Number(process.env.BENCH_FOCUS_APPLICANTS ?? 3000);
const MUNICIPALITIES = Number(process.env.BENCH_FOCUS_MUNICIPALITIES ?? 10);
const SESSIONS = Number(process.env.BENCH_FOCUS_SESSIONS ?? 6);
const SEED = Number(process.env.BENCH_FOCUS_SEED ?? 2026);

async function main() {
  const rounds = syntheticRounds({ municipalities: MUNICIPALITIES, applicants: APPLICANTS, sessionsPerRound: SESSIONS, seed: SEED });
  const loadStarted = performance.now();
  await highsRuntime();
  const loadMillis = performance.now() - loadStarted;

  // Cold: the first compositions of this process, as a worker that composes now and then will
  // run them (V8 still compiles HiGHS's WebAssembly to optimised code while it solves). Warm: the
  // same rounds again, as a worker that has composed before. Both wall and CPU time (this process,
  // V8's compiler threads included): on a machine shared with others, wall time is mostly waiting.
  const timed = async () => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const out = await composeRounds(rounds);
    const used = process.cpuUsage(cpu);
    return { out, seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const cold = await timed();
  const warm = await timed();
  const results = cold.out;
  const seconds = cold.seconds;
  const same = JSON.stringify(warm.out.map((r) => r.sessions)) === JSON.stringify(results.map((r) => r.sessions));

  const reference = await loadHighs();
  const lpStarted = performance.now();
  const objectiveBounds = rounds.map((input) => referenceLpBound(reference, input));
  const lpSeconds = (performance.now() - lpStarted) / 1000;
  const placesBounds = rounds.map((input) => referencePlacesBound(reference, input));
  const broken = rounds.flatMap((input, i) => violations(input, results[i]));
  for (const v of broken.slice(0, 10)) console.log(`violation: ${v}`);

  const objective = results.reduce((sum, r) => sum + r.figures.objective.total, 0);
  const objectiveBound = objectiveBounds.reduce((a, b) => a + b, 0);
  const seated = results.reduce((sum, r) => sum + r.figures.invited, 0);
  const placesBound = placesBounds.reduce((a, b) => a + b, 0);
  const sessions = rounds.reduce((sum, r) => sum + r.sessions.length, 0);
  const applicants = rounds.reduce((sum, r) => sum + r.applicants.length, 0);
  const statuses = [...new Set(results.map((r) => r.figures.solver.status))].join(', ');
  const worst = Math.min(...results.map((r, i) => (objectiveBounds[i] > 0 ? r.figures.objective.total / objectiveBounds[i] : 1)));

  console.log(`HiGHS load (once per process, not timed below): ${(loadMillis / 1000).toFixed(2)} s; solver status: ${statuses}`);
  console.log(
    `per round, solver ms (cold): ${results.map((r) => r.figures.solver.millis).join(' ')}; (warm): ${warm.out.map((r) => r.figures.solver.millis).join(' ')}`,
  );
  console.log(
    `cold: ${cold.seconds.toFixed(2)} s wall, ${cold.cpuSeconds.toFixed(2)} s CPU; warm: ${warm.seconds.toFixed(2)} s wall, ${warm.cpuSeconds.toFixed(2)} s CPU; warm result identical: ${same}`,
  );
  console.log(
    `running sessions: ${results.reduce((sum, r) => sum + r.figures.sessionsRunning, 0)}, expected attendance: ${results.reduce((sum, r) => sum + r.figures.expectedAttendance, 0).toFixed(1)}, coverage targets met: ${results.reduce((sum, r) => sum + r.figures.coverage.filter((c) => c.met).length, 0)} of ${results.reduce((sum, r) => sum + r.figures.coverage.length, 0)}`,
  );
  console.log(
    `objective: ${objective}, LP bound: ${objectiveBound.toFixed(2)}, ratio: ${(objective / objectiveBound).toFixed(4)} (worst round ${worst.toFixed(4)})`,
  );
  console.log(
    `baseline: the reference LP relaxations alone ${lpSeconds.toFixed(2)} s; composition / baseline: ${(seconds / lpSeconds).toFixed(2)}`,
  );
  console.log(
    `focus: ${applicants} applicants, ${sessions} sessions, seated: ${seated}, bound: ${placesBound.toFixed(2)}, ratio: ${(seated / placesBound).toFixed(4)}, time: ${seconds.toFixed(2)} s, violations: ${broken.length}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
