import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CsvLanguageParam, Public, type CsvLanguage } from '@app/http';
import { ResultsQueryDto } from './dto/results.dto';
import { ResultsCsvQueryDto, resultsCsvDownload } from './results-csv';
import { ResultsService } from './results.service';
import { ApiDoc, schema as s } from '@app/http';
import { publishedSurveySchema, resultsDocumentSchema } from './results.openapi';

/** Published results: anonymised tables anyone may read, per municipality, as JSON or CSV. */
@ApiTags('public')
@Public()
@Controller('public/results')
export class PublicResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  @ApiDoc('Surveys with published results', { schema: s.items(publishedSurveySchema) })
  async list() {
    return { items: await this.results.listPublished() };
  }

  @Get(':slug')
  @ApiDoc('Published anonymised results of a survey', { schema: resultsDocumentSchema })
  get(@Param('slug') slug: string, @Query() query: ResultsQueryDto) {
    return this.results.forPublic(slug, query.municipality);
  }

  @Get(':slug/csv')
  @ApiDoc('Published results as CSV (Excel-friendly)', { produces: 'text/csv' })
  @ApiProduces('text/csv')
  async csv(@Param('slug') slug: string, @Query() query: ResultsCsvQueryDto, @CsvLanguageParam() language: CsvLanguage) {
    return resultsCsvDownload(await this.results.forPublic(slug, query.municipality), language, query.municipality);
  }
}
