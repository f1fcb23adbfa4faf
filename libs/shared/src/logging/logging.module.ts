import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@accompany/config';
import { REDACT_PATHS, serializeRequest } from './redaction';

/** JSON logs with the request id on every line and personal data redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          genReqId: (req) => String(req.headers['x-request-id'] ?? ''),
          customProps: (req) => ({ requestId: req.id }),
          serializers: {
            req: serializeRequest,
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          quietReqLogger: true,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
