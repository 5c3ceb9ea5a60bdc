/** Legal bases a register's privacy notice can name (R9); shared by the form and the server. */
export const LEGAL_BASES = [
  "consent",
  "contract",
  "legitimate_interest",
  "legal_obligation",
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
