import { z } from 'zod';
import { isCalendarDate } from './calendar-date.ts';

/** A calendar date on the wire: `YYYY-MM-DD`, never an instant (see calendar-date.ts). */
export const ZCalendarDate = z.string().refine(isCalendarDate, { message: 'Use a date written as YYYY-MM-DD.' });
