import { parseDutySlots } from '@warmline/domain';
import { z } from 'zod';

/**
 * Everything the server reads from its environment, checked once at start-up. A bad
 * value stops the process with every problem listed, not the first one found.
 */
const configSchema = z.object({
  DATABASE_URL: z.url().optional().describe('external PostgreSQL ≥ 15; unset = embedded PostgreSQL'),
  DATA_DIR: z.string().min(1).default('./data').describe('embedded PostgreSQL data and local files'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WARMLINE_DEMO: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe('auto = load the demo city when the database is empty'),
  WARMLINE_PROCESS: z.enum(['all', 'web', 'worker']).default('all').describe('what this process runs'),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('trust X-Forwarded-* (only behind a reverse proxy)'),
  PUBLIC_REGION_CODE: z
    .string()
    .regex(/^\d{6}$/)
    .default('440200')
    .describe('the city whose command centre receives public reports (GB/T 2260)'),
  MAP_TILE_URL: z.string().default('').describe('raster tile URL template; empty = outlines only'),
  MAP_ATTRIBUTION: z.string().default(''),
  PUBLIC_IP_RATE_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('soft cap on public reports per address and minute (carrier NAT shares addresses)'),
  DISPATCH_ACCEPT_MINUTES: z.coerce
    .number()
    .positive()
    .max(120)
    .default(5)
    .describe('a team must accept an assignment within this, or the duty leader is alerted'),
  FORECAST_MIN_TEMP_C: z.coerce
    .number()
    .min(-60)
    .max(40)
    .default(0)
    .describe("tonight's forecast minimum (°C) for re-check intervals, until forecasts are ingested"),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PDF_FONT_PATH: z
    .string()
    .min(1)
    .default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
    .describe('a CJK font for the printed forms (Debian fonts-noto-cjk); a .ttc needs PDF_FONT_NAME'),
  PDF_FONT_NAME: z.string().default('NotoSansCJKsc-Regular').describe('the face inside a .ttc collection'),
  WEATHER_PUSH_SECRET: z
    .string()
    .default('')
    .describe('HMAC-SHA256 key for CAP pushes to /api/partner/weather/cap; empty = pushes refused'),
  RESPONSE_DUE_SCALE: z.coerce
    .number()
    .min(0.0001)
    .max(10)
    .default(1)
    .describe('multiplies every plan task’s deadline (a drill or a test runs the plan in seconds)'),
  WEATHER_FEED_URL: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ })])
    .default('')
    .describe('a CAP 1.2 alert or an Atom/RSS feed linking to CAP documents, polled; empty = off'),
  WEATHER_FEED_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10)
    .describe('how often the weather feed is polled (a divisor of 60 keeps it even)'),
  WEATHER_FALLBACK_REGION: z
    .string()
    .regex(/^\d{6}$/)
    .default('000000')
    .describe('where a pushed alert belongs when none of its areas maps to a known region'),
  DUTY_SLOTS: z
    .string()
    .default('day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00')
    .superRefine((text, ctx) => {
      try {
        parseDutySlots(text);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    })
    .describe("the duty roster's day slots, code=HH:MM-HH:MM in Beijing time, comma-separated"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
