import { isNearWord } from './is-near-word.ts';
import { containsPhrase, wordsOf } from './simplify-text.ts';

const emergencyPhrases = [
  'burst pipe',
  'pipe burst',
  'pipes burst',
  'burst pipes',
  'pipe broke',
  'no heat',
  'no heating',
  'gas smell',
  'smell gas',
  'smells like gas',
  'smell of gas',
  'gas leak',
  'leaking gas',
  'carbon monoxide',
  'co alarm',
  'water everywhere',
  'sewage backup',
  'sewer backup',
  'no hot water',
  'through the ceiling',
  'thru the ceiling',
  'ceiling is leaking',
  'leaking from the ceiling',
  'water coming through',
  'fuga de gas',
  'olor a gas',
  'sin calefaccion',
];
const emergencyWords = [
  'flooding',
  'flooded',
  'flood',
  'burst',
  'emergency',
  'urgent',
  'urgently',
  'sparking',
  'sparks',
  'smoke',
  'fire',
  'sewage',
  'overflowing',
  'emergencia',
  'urgente',
  'inundacion',
  'inundado',
  'inundo',
  'inundada',
];

/**
 * Checks whether a message mentions an emergency ("flooding", "burst pipe", "no heat", "gas smell",
 * "emergency", "urgent", also in Spanish), allowing one typo in words of five letters or more.
 */
export function mentionsEmergency(text: string): boolean {
  if (emergencyPhrases.some((phrase) => containsPhrase(text, phrase))) {
    return true;
  }
  const words = wordsOf(text);
  return words.some((word) => emergencyWords.some((target) => isNearWord(word, target)));
}
