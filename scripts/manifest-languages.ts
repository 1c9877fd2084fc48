import { z } from 'zod';

const localizationInfo = z.object({ additionalLanguages: z.array(z.object({ file: z.string() })).optional() }).optional();

/** The language files `localizationInfo` names (manifest/pl-pl.json); Teams reads them from the package's root. */
export function languageFiles(manifest: Record<string, unknown>): string[] {
  return (localizationInfo.parse(manifest.localizationInfo)?.additionalLanguages ?? []).map(({ file }) => file);
}
