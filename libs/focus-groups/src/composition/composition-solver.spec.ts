import { highsRuntime } from '../../../results/src/audit/highs-runtime';
import type { BuiltModel } from './composition-model';
import { solveCompositionMip, solveCompositionRelaxation } from './composition-solver';

/**
 * The solver leaves the pairs continuous because a round's model is totally unimodular once its
 * structural columns are fixed. Should a model ever not be, the answer must still be whole: here
 * an odd cycle (x1 + x2, x2 + x3, x1 + x3 <= 1), whose relaxation is 1.5 at x = 1/2 everywhere.
 */
function oddCycle(): BuiltModel {
  return {
    numCols: 3,
    numRows: 3,
    colLower: [0, 0, 0],
    colUpper: [1, 1, 1],
    integer: [true, true, true],
    primaryCost: [1000, 1000, 1000],
    drawCost: [3, 2, 1],
    rowLower: [-Infinity, -Infinity, -Infinity],
    rowUpper: [1, 1, 1],
    starts: [0, 2, 4, 6],
    indices: [0, 1, 1, 2, 0, 2],
    values: [1, 1, 1, 1, 1, 1],
    arcColumns: 3,
    runColumn: new Int32Array(0),
    serveColumns: [],
  };
}

describe('focus-group composition solver', () => {
  it('falls back to integer pairs when the relaxation of a model is not whole, and still honours the draw', async () => {
    const highs = await highsRuntime();
    expect(solveCompositionRelaxation(highs, oddCycle())).toBeCloseTo(1500, 6);
    const solution = solveCompositionMip(highs, oddCycle(), 10, 1);
    expect(solution.status).toBe('optimal');
    // One of three, the best drawn (draw weight 3).
    expect([...solution.values!]).toEqual([1, 0, 0]);
  });
});
