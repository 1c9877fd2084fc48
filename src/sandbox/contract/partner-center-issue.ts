import type { z } from 'zod';

/**
 * A schema failure that Partner Center answers with its own code rather than the generic 800002
 * (for instance 900126 "Unable to parse enum"). The code rides on the zod issue's params.
 */
export function failWithCode(ctx: z.RefinementCtx, code: number, message: string): void {
  ctx.addIssue({ code: 'custom', message, params: { partnerCenterCode: code } });
}

export function partnerCenterCodeOf(issue: z.core.$ZodIssue | undefined): number | undefined {
  if (!issue || issue.code !== 'custom') return undefined;
  const code: unknown = issue.params?.['partnerCenterCode'];
  return typeof code === 'number' ? code : undefined;
}
