import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceConfig, toInt } from '@pc/platform';

export class IntakeConfig extends ServiceConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) INTAKE_PORT: number = 4001;
  /** A full URL for intake's own database (overrides DATABASE_URL + DATABASE_PREFIX). */
  @IsOptional() @IsString() INTAKE_DATABASE_URL?: string;
}
