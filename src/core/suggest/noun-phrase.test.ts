// The counted-noun-phrase reader: where it stops, and when it refuses.

import { describe, expect, it } from 'vitest';
import { readNounPhrase } from './noun-phrase';

const np = (s: string) => readNounPhrase(s, 0)?.text ?? null;

describe('readNounPhrase', () => {
  it('reads modifiers up to a plural head', () => {
    expect(np(' textile enterprises and more than')).toBe('textile enterprises');
    expect(np(' countries and regions.')).toBe('countries and regions');
    expect(np(' upstream and downstream enterprises.')).toBe('upstream and downstream enterprises');
    expect(np(' weaving machines nationwide,')).toBe('weaving machines');
    expect(np(' people from 6 companies')).toBe('people');
    expect(np(' Chinese cities')).toBe('Chinese cities');
  });
  it('takes one quoted name inside the phrase', () => {
    expect(np(' "industrial empowerment chain master" cultivation enterprises, with')).toBe(
      '"industrial empowerment chain master" cultivation enterprises',
    );
  });
  it('joins a per-phrase to the unit', () => {
    expect(np(' robots per 10,000 people in')).toBe('robots per 10,000 people');
    expect(np(' visits per capita.')).toBe('visits per capita');
  });
  it('lets "and" after a complete plural join only one more plural', () => {
    expect(np(' workers and cut costs')).toBe('workers');
    expect(np(' machines and robots.')).toBe('machines and robots');
  });
  it('refuses phrases without a plural noun, verbs and capitalized names', () => {
    expect(np(' of the first')).toBeNull();
    expect(np(' mainly because')).toBeNull();
    expect(np(' Shanghai Global Investment Conference')).toBeNull();
    expect(np(' Shanghai exported goods')).toBeNull();
    expect(np(' makes it')).toBeNull();
    expect(np('no space')).toBeNull();
    expect(np(' big growth')).toBeNull();
  });
});
