import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';

export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** `GET /health`: 200 when every dependency answers, 503 with the failing ones otherwise. */
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  async health(): Promise<{ status: 'ok'; checks: Record<string, 'ok'>; supervisor?: number }> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await c.check();
          return [c.name, 'ok'] as const;
        } catch (e) {
          return [c.name, (e as Error).message || 'failed'] as const;
        }
      }),
    );
    const failing = results.filter(([, r]) => r !== 'ok');
    if (failing.length) {
      throw new HttpException({ status: 'unavailable', checks: Object.fromEntries(results) }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    // under `npm start`, the supervisor's pid: it tells its own services from another program on the port
    const supervisor = Number(process.env.PC_SUPERVISOR_PID) || undefined;
    return { status: 'ok', checks: Object.fromEntries(results) as Record<string, 'ok'>, ...(supervisor ? { supervisor } : {}) };
  }
}
