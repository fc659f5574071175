import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/http';
import { ResultsQueryDto } from './dto/results.dto';
import { resultsToCsv } from './results-csv';
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
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="results.csv"')
  async csv(@Param('slug') slug: string, @Query() query: ResultsQueryDto) {
    return resultsToCsv(await this.results.forPublic(slug, query.municipality));
  }
}
