/**
 * The project's partners, from shared/seeds/README.md. The source names partner organisations, not
 * municipalities; each Lithuanian partner works in one territory, used here as its "municipality".
 * Two lie in Tauragė district (Tauragė town and Skaudvilė), and the source does not say where
 * "Pajūrio kraštas" (taken as Klaipėda district) and "Saulėtekis" work: `inferred` marks those.
 */
export interface DemoTerritory {
  code: string;
  nameLt: string;
  nameEn: string;
  partner: string;
  inferred?: true;
}

export const DEMO_TERRITORIES: DemoTerritory[] = [
  { code: 'pagegiai', nameLt: 'Pagėgių savivaldybė', nameEn: 'Pagėgiai Municipality', partner: 'Asociacija vietos veiklos grupė „Pagėgių kraštas“' },
  { code: 'ignalina', nameLt: 'Ignalinos rajono savivaldybė', nameEn: 'Ignalina District Municipality', partner: 'Asociacija Ignalinos rajono vietos veiklos grupė' },
  { code: 'taurage', nameLt: 'Tauragės miestas', nameEn: 'Tauragė town', partner: 'Asociacija „Tauragės miesto veiklos grupė“' },
  { code: 'kaunas-district', nameLt: 'Kauno rajono savivaldybė', nameEn: 'Kaunas District Municipality', partner: 'Asociacija Kauno rajono vietos veiklos grupė' },
  { code: 'klaipeda-district', nameLt: 'Klaipėdos rajono savivaldybė', nameEn: 'Klaipėda District Municipality', partner: 'Asociacija vietos veiklos grupė „Pajūrio kraštas“', inferred: true },
  { code: 'skaudvile', nameLt: 'Skaudvilės kraštas (Tauragės r.)', nameEn: 'Skaudvilė area (Tauragė district)', partner: 'Asociacija „Bendruomenė „Skaudvilės kraštas“' },
  { code: 'jurbarkas', nameLt: 'Jurbarko rajono savivaldybė (Veliuona)', nameEn: 'Jurbarkas District Municipality (Veliuona)', partner: 'Asociacija „Lietuvai pagražinti draugijos Veliuonos skyrius“' },
  { code: 'zarasai', nameLt: 'Zarasų rajono savivaldybė', nameEn: 'Zarasai District Municipality', partner: 'Zarasų rajono bendruomenių asociacija' },
  { code: 'sauletekis', nameLt: 'Kaimų bendruomenės „Saulėtekis“ teritorija', nameEn: 'Saulėtekis rural community area', partner: 'Asociacija kaimų bendruomenė „Saulėtekis“', inferred: true },
  { code: 'birzai', nameLt: 'Biržų rajono savivaldybė', nameEn: 'Biržai District Municipality', partner: 'Asociacija Biržų rajono kaimo bendruomenių sąjunga' },
];

/** Partners with no municipality: the project lead and the Norwegian partners. */
export const DEMO_OTHER_PARTNERS = [
  { name: 'VšĮ Lietuvos regioninių tyrimų institutas (LRTI)', country: 'LT' },
  { name: 'Vestland fylkeskommune', country: 'NO' },
  { name: 'Hardangerrådet IKS', country: 'NO' },
];

/** Demo only: printed by `npm start`; never seeded by the api itself. */
export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_ADMIN_EMAIL = 'admin@demo.local';
export const DEMO_RESEARCHER_EMAIL = 'researcher@demo.local';
export const demoStaffEmail = (code: string) => `staff.${code}@demo.local`;
