import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CsvLanguageParam, Public, type CsvLanguage } from '@app/http';
import { ResultsQueryDto } from './dto/results.dto';
import { ResultsCsvQueryDto, resultsCsvDownload } from './results-csv';
import { ResultsService } from './results.service';

/** Published results: anonymised tables anyone may read, per municipality, as JSON or CSV. */
@ApiTags('public')
@Public()
@Controller('public/results')
export class PublicResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  async list() {
    return { items: await this.results.listPublished() };
  }

  @Get(':slug')
  get(@Param('slug') slug: string, @Query() query: ResultsQueryDto) {
    return this.results.forPublic(slug, query.municipality);
  }

  @Get(':slug/csv')
  @ApiProduces('text/csv')
  async csv(@Param('slug') slug: string, @Query() query: ResultsCsvQueryDto, @CsvLanguageParam() language: CsvLanguage) {
    return resultsCsvDownload(await this.results.forPublic(slug, query.municipality), language, query.municipality);
  }
}
