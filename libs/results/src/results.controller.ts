import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessScope, CurrentPrincipal, CurrentScope, Roles, type Principal } from '@app/http';
import { CompilationsService } from './releases/compilations.service';
import { PublishResultsDto, RequestCompileDto, ResultsQueryDto } from './dto/results.dto';
import { PublicationService } from './publication.service';
import { resultsToCsv } from './results-csv';
import { ResultsService } from './results.service';

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
  async listCompilations(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.compilations.list(scope, id) };
  }

  /** Accepted, not done: the worker compiles in the background; poll the list for progress. */
  @Post('compilations')
  @HttpCode(202)
  async requestCompile(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestCompileDto) {
    return { items: await this.compilations.request(scope, id, dto) };
  }

  /**
   * A release (researchers and admins): compile, audit, then show new figures where at least R
   * new responses arrived. 409 when no municipality has enough. Poll the compilations for progress.
   */
  @Post('releases')
  @Roles('admin', 'researcher')
  @HttpCode(202)
  async release(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestCompileDto) {
    return { items: await this.compilations.release(scope, id, dto) };
  }

  /** Released results only (every municipality's latest release), preliminary until published. */
  @Get()
  get(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Query() query: ResultsQueryDto) {
    return this.results.forStaff(scope, id, query);
  }

  @Get('csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="results.csv"')
  async csv(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Query() query: ResultsQueryDto) {
    return resultsToCsv(await this.results.forStaff(scope, id, query));
  }

  @Get('publication')
  publication(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.publications.get(scope, id);
  }

  @Put('publication')
  @Roles('admin', 'researcher')
  publish(
    @CurrentScope() scope: AccessScope,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishResultsDto,
  ) {
    return this.publications.publish(scope, principal.accountId, id, dto);
  }

  @Delete('publication')
  @Roles('admin', 'researcher')
  @HttpCode(204)
  async withdraw(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    await this.publications.withdraw(scope, id);
  }
}
