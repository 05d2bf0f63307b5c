import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_FILE, lexiconText } from '../../src/scan/build-lexicon.mjs';
import { phrasalSpeechVerb, speechVerb } from '../../src/scan/verbs.js';

describe('the lexicon compiled from compromise at build time', () => {
  it('is what compromise gives now (run `npm run lexicon` after updating compromise)', () => {
    expect(readFileSync(LEXICON_FILE, 'utf8')).toBe(lexiconText());
  });

  it('has every form of irregular and phrasal speech verbs', () => {
    expect(speechVerb('said')).toEqual({ lemma: 'say', tense: 'past' });
    expect(speechVerb('spoke')?.lemma).toBe('speak');
    expect(speechVerb('advises')).toEqual({ lemma: 'advise', tense: 'present' });
    expect(speechVerb('quipped')?.tense).toBe('past');
    expect(phrasalSpeechVerb('shot', 'back')).toEqual({ lemma: 'shoot back', tense: 'past' });
    expect(phrasalSpeechVerb('blurted', 'out')?.lemma).toBe('blurt out');
    expect(phrasalSpeechVerb('shot', 'down')).toBeNull();
  });
});
