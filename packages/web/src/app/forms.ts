import type { FormRule as Rule } from 'antd';

/** Parses like a zod schema (structural, so the domain's schemas fit without importing zod here). */
interface Parser {
  safeParse: (value: unknown) => { success: boolean };
}

/**
 * An antd rule from a domain schema, so the form refuses exactly what the API would refuse.
 * Empty values pass; mark the field `required` separately.
 */
export function schemaRule(schema: Parser, message: string): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}

/** What the server accepts: a mainland mobile (11 digits from 1) or a landline with area code. */
export { phonePattern } from '@warmline/domain';
