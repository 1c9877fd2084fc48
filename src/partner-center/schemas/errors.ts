import { z } from 'zod';

/**
 * The standard error body (error-codes.md). `code` is documented as a string but real payloads carry
 * numbers (`{"code":800090,...,"source":"PartnerFD"}`), so both are accepted.
 */
export const apiErrorBodySchema = z.looseObject({
  code: z.union([z.number(), z.string()]),
  description: z.string().nullish(),
  data: z.array(z.unknown()).nullish(),
  source: z.string().nullish(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** 429 has its own body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}`. */
export const throttleBodySchema = z.looseObject({
  statusCode: z.literal(429),
  message: z.string(),
});
export type ThrottleBody = z.infer<typeof throttleBodySchema>;
