// Sex and life stage from the words people and models use for deer (doe, buck, fawn, hind, stag ...), in the
// vocabularies of Camtrap DP (sex female|male, lifeStage adult|subadult|juvenile). Unknown words give nothing.
export interface SexLifeStage {
  sex: 'female' | 'male' | null;
  lifeStage: 'adult' | 'subadult' | 'juvenile' | null;
}

const WORDS: Record<string, Partial<SexLifeStage>> = {
  female: { sex: 'female' },
  male: { sex: 'male' },
  doe: { sex: 'female', lifeStage: 'adult' },
  hind: { sex: 'female', lifeStage: 'adult' },
  cow: { sex: 'female', lifeStage: 'adult' },
  buck: { sex: 'male', lifeStage: 'adult' },
  stag: { sex: 'male', lifeStage: 'adult' },
  bull: { sex: 'male', lifeStage: 'adult' },
  mature: { sex: 'male', lifeStage: 'adult' },
  mid: { sex: 'male', lifeStage: 'adult' },
  spike: { sex: 'male', lifeStage: 'subadult' },
  young: { lifeStage: 'subadult' },
  yearling: { lifeStage: 'subadult' },
  subadult: { lifeStage: 'subadult' },
  juvenile: { lifeStage: 'juvenile' },
  fawn: { lifeStage: 'juvenile' },
  calf: { lifeStage: 'juvenile' },
  kid: { lifeStage: 'juvenile' },
  adult: { lifeStage: 'adult' },
};

/** "young buck" -> male subadult: each word adds what it knows, and an earlier word wins over a later one. */
export function parseSexAge(...values: (string | null | undefined)[]): SexLifeStage {
  const result: SexLifeStage = { sex: null, lifeStage: null };
  for (const value of values) {
    for (const word of (value ?? '').toLowerCase().split(/[^a-z]+/)) {
      const known = WORDS[word.replace(/s$/, '')] ?? WORDS[word];
      result.sex ??= known?.sex ?? null;
      result.lifeStage ??= known?.lifeStage ?? null;
    }
  }
  return result;
}
