import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/http';
import { AuditService } from './audit.service';
import { AuditPageView, AuditQueryDto } from './dto/audit.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @Get()
  @ApiOperation({ summary: 'Who published, withdrew, exported, cancelled, messaged or changed what (newest first)' })
  @ApiOkResponse({ type: AuditPageView })
  list(@Query() query: AuditQueryDto): Promise<AuditPageView> {
    return this.audit.list(query);
  }
}
