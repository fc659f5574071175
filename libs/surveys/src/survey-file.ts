import { readFile } from 'node:fs/promises';

/** A definition file in surveys/: the SurveyJS JSON plus the settings it ships with. */
export interface SurveyFile {
  slug: string;
  languages: string[];
  breakdowns: string[];
  /** Disclosure threshold for results; 5 unless the file says otherwise. */
  disclosureK: number;
  definition: Record<string, unknown>;
}

export async function readSurveyFile(path: string): Promise<SurveyFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read JSON (${(error as Error).message})`);
  }
  const file = parsed as Partial<SurveyFile>;
  if (typeof file.slug !== 'string') throw new Error(`${path}: "slug" must be a string`);
  if (!Array.isArray(file.languages)) throw new Error(`${path}: "languages" must be a list such as ["lt", "en"]`);
  if (typeof file.definition !== 'object' || file.definition === null) {
    throw new Error(`${path}: "definition" must hold the SurveyJS JSON`);
  }
  const disclosureK = file.disclosureK ?? 5;
  if (!Number.isInteger(disclosureK) || disclosureK < 2 || disclosureK > 100) {
    throw new Error(`${path}: "disclosureK" must be a whole number from 2 to 100`);
  }
  return { slug: file.slug, languages: file.languages, breakdowns: file.breakdowns ?? [], disclosureK, definition: file.definition };
}
