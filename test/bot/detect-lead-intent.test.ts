import { describe, expect, it } from 'vitest';
import { detectLeadIntent } from '../../bot/understanding/detect-lead-intent.ts';
import { isCorrection } from '../../bot/understanding/is-correction.ts';
import { mentionsEmergency } from '../../bot/understanding/mentions-emergency.ts';

describe('detectLeadIntent', () => {
  it.each([
    'talk to a person',
    'Can I speak with a real person?',
    'human',
    'HUMAN PLEASE',
    'can someone call me',
    'could you call me back',
    'just call me',
    'call me',
    'call me at 312 555 0142',
    'is this a bot?',
    'real person pls',
    'quiero hablar con una persona',
    'llamame por favor',
  ])('reads "%s" as a request for a person', (text) => {
    expect(detectLeadIntent(text)).toBe('human_request');
  });

  it.each(['wrong number', 'Wrong #', "I didn't call you", 'numero equivocado'])(
    'reads "%s" as a wrong number',
    (text) => {
      expect(detectLeadIntent(text)).toBe('wrong_number');
    },
  );

  it.each([
    'not interested',
    'Already fixed it, thanks',
    'found someone else',
    'nvm',
    'no me interesa',
  ])(
    'reads "%s" as not interested',
    (text) => {
      expect(detectLeadIntent(text)).toBe('not_interested');
    },
  );

  it.each([
    'my water heater is leaking',
    'call me Ana',
    'tomorrow at 3',
    'yes',
    'I called earlier',
  ])(
    'finds no intent in "%s"',
    (text) => {
      expect(detectLeadIntent(text)).toBeNull();
    },
  );
});

describe('mentionsEmergency', () => {
  it.each([
    'basement is flooding',
    'Burst pipe in the kitchen!!',
    'we have no heat',
    'I smell gas',
    'gas smell in the garage',
    'EMERGENCY',
    'emergancy',
    'urgent please',
    'se inundó el sótano',
    'hay fuga de gas',
  ])('finds an emergency in "%s"', (text) => {
    expect(mentionsEmergency(text)).toBe(true);
  });

  it.each([
    'water heater is leaking slowly',
    'need a tune-up',
    'heat pump is noisy',
    'gas water heater install',
  ])(
    'finds no emergency in "%s"',
    (text) => {
      expect(mentionsEmergency(text)).toBe(false);
    },
  );
});

describe('isCorrection', () => {
  it.each([
    'actually Thursday',
    'Sorry, I meant 4pm',
    'make it friday',
    'friday instead',
    'wait, 3pm',
  ])(
    'reads "%s" as a correction',
    (text) => {
      expect(isCorrection(text)).toBe(true);
    },
  );

  it.each(['Thursday', 'tomorrow at 3pm', 'my heater is actually leaking'])(
    'reads "%s" as a plain answer',
    (text) => {
      expect(isCorrection(text)).toBe(false);
    },
  );
});
