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
          // The request id is logged as `requestId` (a rename, not a per-request child logger).
          customAttributeKeys: { reqId: 'requestId' },
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
