import type { Highs } from 'highs';
import type { AuditComponent } from './audit-model';

/**
 * One persistent HiGHS model per component: built once, then each bound is the same model with
 * some columns' costs set to +1 (smallest value) or -1 (largest value); each solve starts from
 * the previous optimal basis.
 */
export class ComponentSolver {
  private readonly model: ReturnType<Highs['createModel']>;
  private costColumns: number[] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    component: AuditComponent,
  ) {
    const numCols = component.variables.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of component.rows) {
      indices.push(...row.columns);
      values.push(...row.values);
      starts.push(indices.length);
    }
    const inf = highs.infinity;
    const finite = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
    this.model = highs.createModel({
      numCols,
      numRows: component.rows.length,
      colCost: new Array<number>(numCols).fill(0),
      colLower: component.lower,
      colUpper: component.upper.map(finite),
      rowLower: component.rows.map((r) => finite(r.lower)),
      rowUpper: component.rows.map((r) => finite(r.upper)),
      matrix: { format: 'csr', numRows: component.rows.length, numCols, starts, indices, values },
    });
    // Only the objective changes between solves, so the last optimal basis stays primal feasible:
    // primal simplex continues from it in a few hundred iterations, where dual simplex (the
    // default) starts over (~10x the iterations on a 4,600-cell release); presolve would discard it.
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
  }

  /**
   * Smallest (direction 1) or largest (direction -1) value of the sum of the columns (one column:
   * its own bound), with the optimal solution, which is also a feasible point: a witness of values
   * every other cell can take.
   */
  bound(columns: number[], direction: 1 | -1): { value: number; solution: Float64Array } {
    for (const column of this.costColumns) this.model.changeColCost(column, 0);
    for (const column of columns) this.model.changeColCost(column, direction);
    this.costColumns = columns;
    this.model.run();
    this.solves++;
    const status = this.model.getModelStatus();
    if (status !== this.highs.constants.modelStatus.optimal) {
      // The true values always satisfy the model, so anything else is a wrong description of the release.
      throw new Error(`release audit: the solver ended with model status ${status}; the tables given to the auditor are inconsistent`);
    }
    const value = direction * this.model.getObjectiveValue();
    const solution = this.model.getSolution().colValue;
    return { value, solution };
  }

  dispose(): void {
    this.model.dispose();
  }
}
