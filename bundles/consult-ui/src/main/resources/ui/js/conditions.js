// The SPI's question rules in the browser (specialty-api Question.askedOf, Condition): which
// questions are asked of this child. No imports, so node --test loads it as is.

/** Today in the pilot's calendar (the server counts a child's age on the pilot zone's day, not the phone's). */
export function pilotToday(zone = 'Asia/Shanghai', now = new Date()) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now).split('-').map(Number);
  return { y, m, d };
}

/** The child's completed months on a day {y, m, d} (like java.time.Period): the age bands are in months. */
export function ageInMonths(birthDate, today = pilotToday()) {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  return (today.y - y) * 12 + (today.m - m) - (today.d < d ? 1 : 0);
}

export const inBand = (q, age) => age == null || ((q.minAgeMonths == null || age >= q.minAgeMonths) && (q.maxAgeMonths == null || age < q.maxAgeMonths));
const same = (a, v) => a === v;

/** A Condition of the SPI (question, operator, values, conditions) on the answers so far; asked(id) says whether that question is shown. */
export function holds(c, answers, asked) {
  if (c.operator === 'EITHER') return c.conditions.some((x) => holds(x, answers, asked));
  if (c.operator === 'ALL') return c.conditions.every((x) => holds(x, answers, asked));
  const a = answers[c.question];
  if (a === undefined || a === null || !asked(c.question)) return false;
  const v = c.values || [];
  switch (c.operator) {
    case 'ANSWERED': return true;
    case 'EQUALS': return same(a, v[0]);
    case 'ANY_OF': return Array.isArray(a) ? a.some((x) => v.some((y) => same(x, y))) : v.some((y) => same(a, y));
    case 'AT_LEAST': return typeof a === 'number' && a >= v[0];
    case 'AT_MOST': return typeof a === 'number' && a <= v[0];
    default: return false;
  }
}

