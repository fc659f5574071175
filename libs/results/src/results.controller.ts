import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Audited } from '@app/audit';
import { AccessScope, CsvLanguageParam, CurrentPrincipal, CurrentScope, Roles, type CsvLanguage, type Principal } from '@app/http';
import { CompilationsService } from './releases/compilations.service';
import { PublishResultsDto, RequestCompileDto, ResultsQueryDto } from './dto/results.dto';
import { PublicationService } from './publication.service';
import { ResultsCsvQueryDto, resultsCsvDownload } from './results-csv';
import { ResultsService } from './results.service';
import { ApiDoc, schema as s } from '@app/http';
import { compilationSchema, publicationSchema, resultsDocumentSchema } from './results.openapi';

/**
 * Results of one survey for staff (their municipalities), researchers and admins: compile state,
 * requests to compile, preliminary tables, and publishing (researchers and admins only).
 */
@ApiTags('results')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'researcher', 'staff')
@Controller('surveys/:id/results')
export class ResultsController {
  constructor(
    private readonly compilations: CompilationsService,
    private readonly results: ResultsService,
    private readonly publications: PublicationService,
  ) {}

  @Get('compilations')
  @ApiDoc('Compile state per version and municipality', { schema: s.items(compilationSchema) })
  async listCompilations(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.compilations.list(scope, id) };
  }

  /** Accepted, not done: the worker compiles in the background; poll the list for progress. */
  @Post('compilations')
  @ApiDoc('Ask for results to be compiled (the worker does it)', { status: 202, schema: s.items(compilationSchema) })
  @HttpCode(202)
  async requestCompile(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestCompileDto) {
    return { items: await this.compilations.request(scope, id, dto) };
  }

  /**
   * A release (researchers and admins): compile, audit, then show new figures where at least R
   * new responses arrived. 409 when no municipality has enough. Poll the compilations for progress.
   */
  @Post('releases')
  @ApiDoc('Make a release: compile, audit, then show new figures where the release rule allows', { status: 202, schema: s.items(compilationSchema) })
  @Roles('admin', 'researcher')
  @Audited('results.released', 'survey')
  @HttpCode(202)
  async release(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestCompileDto) {
    return { items: await this.compilations.release(scope, id, dto) };
  }

  /** Released results only (every municipality's latest release), preliminary until published. */
  @Get()
  @ApiDoc('Released anonymised results (preliminary until published)', { schema: resultsDocumentSchema })
  get(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Query() query: ResultsQueryDto) {
    return this.results.forStaff(scope, id, query);
  }

  /** results-<survey>-<date>.csv with a byte-order mark; headers in ?lang=lt|en or the browser's language. */
  @Get('csv')
  @ApiDoc('Preliminary results as CSV (Excel-friendly)', { produces: 'text/csv' })
  @ApiProduces('text/csv')
  @Audited('results.exported', 'survey')
  async csv(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ResultsCsvQueryDto,
    @CsvLanguageParam() language: CsvLanguage,
  ) {
    const { lang: _lang, ...resultsQuery } = query;
    return resultsCsvDownload(await this.results.forStaff(scope, id, resultsQuery), language, query.municipality);
  }

  @Get('publication')
  @ApiDoc('What is published (version and questions)', { schema: s.nullable(publicationSchema) })
  publication(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.publications.get(scope, id);
  }

  @Put('publication')
  @ApiDoc('Publish chosen questions of a version', { schema: publicationSchema })
  @Roles('admin', 'researcher')
  @Audited('results.published', 'survey')
  publish(
    @CurrentScope() scope: AccessScope,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishResultsDto,
  ) {
    return this.publications.publish(scope, principal.accountId, id, dto);
  }

  @Delete('publication')
  @ApiDoc('Withdraw the publication', { status: 204 })
  @Roles('admin', 'researcher')
  @Audited('results.withdrawn', 'survey')
  @HttpCode(204)
  async withdraw(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    await this.publications.withdraw(scope, id);
  }
}
