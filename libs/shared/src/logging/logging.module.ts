import { type DynamicModule, Module } from '@nestjs/common';
import pino, { type DestinationStream } from 'pino';
import { AppConfig } from '@accompany/config';
import { AppLogger } from './app-logger';
import { REDACT_PATHS } from './redaction';
import { RequestLog } from './request-log';

export interface LoggingOptions {
  /** Where JSON lines go; standard output (synchronously) when not given. Tests capture here. */
  destination?: DestinationStream;
}

/**
 * JSON logs: the application's lines with secrets and personal data redacted, and one line
 * per HTTP request carrying its request id. One pino pair per application (never a
 * process-wide logger), so apps in one test process keep their own level and destination.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      providers: [
        {
          provide: AppLogger,
          inject: [AppConfig],
          useFactory: (config: AppConfig): AppLogger => {
            const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
            const app = pino(
              { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
              destination,
            );
            return new AppLogger(app);
          },
        },
        {
          provide: RequestLog,
          inject: [AppConfig, AppLogger],
          // Same destination and level; no redaction (see RequestLog).
          useFactory: (config: AppConfig, app: AppLogger): RequestLog =>
            new RequestLog(app.pino.child({}, { redact: [] })),
        },
      ],
      exports: [AppLogger, RequestLog],
    };
  }
}
