import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@accompany/auth';
import { ApiOk } from '@accompany/shared';
import { API_TITLE, API_VERSION, DOCS_JSON_PATH, DOCS_PATH } from '../api-info';
import { API_PREFIX } from '@accompany/shared';
import { ApiIndexDto } from './api-index.dto';

const INDEX: ApiIndexDto = {
  name: API_TITLE,
  version: API_VERSION,
  links: {
    docs: `/${DOCS_PATH}`,
    openapi: `/${DOCS_JSON_PATH}`,
    live: '/health/live',
    ready: '/health/ready',
    login: `/${API_PREFIX}/auth/login`,
  },
};

/** GET /api/v1: where a newcomer (or a client) finds the docs and the health checks. */
@ApiTags('index')
@Controller()
@Public()
export class ApiIndexController {
  @Get()
  @ApiOperation({ summary: 'Public index: the API name, version and links to docs and health' })
  @ApiOk(ApiIndexDto)
  index(): ApiIndexDto {
    return INDEX;
  }
}
