import { z } from 'zod';
import { CHANNELS } from '../model/channels';
import { isValidTimeZone } from '../model/business-hours';
import { isCalendarDay, isDayInRange } from '../reports/period';

/** Schemas shared by several methods. Every IPC/HTTP/CLI input passes one of these. */
export const channelSchema = z.enum(CHANNELS);

export const handleSchema = z.strictObject({
  channel: channelSchema,
  handle: z
    .string()
    .trim()
    .transform((h) => h.replace(/^@+/, ''))
    .pipe(
      z
        .string()
        .min(1, 'a handle cannot be empty')
        .max(100)
        .regex(/^[^\s]+$/, 'a handle has no spaces'),
    ),
});

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour clock');

export const businessHoursSchema = z
  .strictObject({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: time,
    end: time,
  })
  .refine((h) => h.end > h.start, { message: 'closing time must be after opening time' });

const term = z.string().trim().min(1).max(100);

export const profileSchema = z.strictObject({
  brand: z.string().trim().min(1, 'the brand name is required').max(120),
  keywords: z.array(term).max(200),
  excludes: z.array(term).max(200),
  handles: z.array(handleSchema).max(100),
  timezone: z.string().refine(isValidTimeZone, { message: 'unknown time zone' }),
  hours: businessHoursSchema,
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')).max(400),
  responseTargetMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});

export const emptySchema = z.strictObject({});

/** A local calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export const localDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  // only a day written right can be missing from the calendar: one refusal per value
  .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || isCalendarDay(d), {
    message: 'no such day in the calendar',
  })
  .refine((d) => !isCalendarDay(d) || isDayInRange(d), {
    message: 'choose a day from 1970 to 9998',
  });

/**
 * A report's period in the workspace's local days, both ends included, with the other
 * fields of the input that carries it.
 */
export function periodObject<S extends z.ZodRawShape>(fields: S) {
  return z
    .strictObject({ from: localDaySchema, to: localDaySchema, ...fields })
    .refine((p) => (p as { from: string }).from <= (p as { to: string }).to, {
      message: 'the period starts after it ends',
      path: ['to'],
    });
}

export const periodSchema = periodObject({});
