// The SPI's question rules in the browser (specialty-api Question.askedOf, Condition): which
// questions are asked of this child. No imports, so node --test loads it as is.

/** The child's completed months on a day (like java.time.Period): the age bands are in months. */
export function ageInMonths(birthDate, today = new Date()) {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  const ty = today.getFullYear(); const tm = today.getMonth() + 1; const td = today.getDate();
  return (ty - y) * 12 + (tm - m) - (td < d ? 1 : 0);
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

