import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { ResultCompiler } from './compile/result-compiler';
import { ResultsWorker } from './compile/results-worker';
import { ResultPlans } from './definition/result-plans';

/** The worker side of results: compiling, and noticing surveys that closed. */
@Module({ imports: [JobsModule], providers: [ResultPlans, ResultCompiler, ResultsWorker] })
export class ResultsWorkerModule {}
