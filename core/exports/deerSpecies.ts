// The scientific name of the library's deer species, as Camtrap DP and the CSV export write it.
import type { DeerSpecies } from '../contract';

export const DEER_SCIENTIFIC_NAMES: Record<DeerSpecies, string> = {
  'white-tailed': 'Odocoileus virginianus',
  mule: 'Odocoileus hemionus',
  red: 'Cervus elaphus',
  roe: 'Capreolus capreolus',
  fallow: 'Dama dama',
  sika: 'Cervus nippon',
  elk: 'Cervus canadensis',
  moose: 'Alces alces',
  // The family: the library has not said which deer.
  other: 'Cervidae',
};
