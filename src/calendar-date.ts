import * as z from 'zod';
import type { LocalizedText } from './text.js';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a YYYY-MM-DD text is not a day on the calendar, in both languages; undefined when it is
 * one. `Date.parse` alone accepts 2026-02-30 (it rolls over to March 2), so the day is checked
 * against its month. The one check behind `--as-of`, waiver expiry dates and programme deadlines.
 */
export function calendarDateProblem(text: string): LocalizedText | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { en: `a date is written YYYY-MM-DD, not "${text}"`, zh: `日期应写作 YYYY-MM-DD（如 2026-12-31），而不是“${text}”` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return { en: `${text} has no month ${match[2]}: months are 01 to 12`, zh: `${text} 的月份 ${match[2]} 不存在：月份为 01 至 12` };
  const days = daysIn(year, month);
  if (day < 1 || day > days) {
    return {
      en: `${text} is not on the calendar: ${monthNames[month - 1]} ${year} has ${days} days`,
      zh: `${text} 不是日历上的日期：${year} 年 ${month} 月只有 ${days} 天`,
    };
  }
  return undefined;
}

/** A day, written YYYY-MM-DD, that is on the calendar; `format` says how to write one. */
export const calendarDate = (format: string) =>
  z
    .string({ error: format })
    .regex(/^\d{4}-\d{2}-\d{2}$/, format)
    .superRefine((date, ctx) => {
      const problem = calendarDateProblem(date);
      // The Chinese goes along in `params.zh`, which diagnostics read (see zod-diagnostics).
      if (problem) ctx.addIssue({ code: 'custom', message: `not a calendar date: ${problem.en}`, params: { zh: problem.zh } });
    });
