// The causes of noisy English entity proposals on real reports (issue 15): names cut apart, surnames mistyped, plans and events taken for places, long paragraphs taken for headlines.

import { describe, expect, it } from 'vitest';
import { suggestEntities } from '.';
import { NLP_MIN_SCORE, englishEntities } from './english';

const show = (text: string, list: { start: number; end: number; label: string }[]) => list.map((p) => [text.slice(p.start, p.end), p.label]);

describe('English names kept whole', () => {
  it('a capitalised run at a sentence start that begins with a kind word is one name', () => {
    const text = "Harbour City's container port grew. The Harbour City Port Authority said so on Tuesday.";
    expect(show(text, englishEntities(text))).toEqual([['Harbour City', 'LOC'], ['Harbour City Port Authority', 'ORG']]);
  });
  it('a headline gives the names the body names, whole, and never a kind word alone', () => {
    const text = 'Harbour City Bets on Robots as Port Volumes Climb\n\nHarbour City\'s container port handled more boxes, the port director said.';
    expect(show(text, englishEntities(text))).toEqual([['Harbour City', 'LOC'], ['Harbour City', 'LOC']]);
  });
  it('a headline word written lowercase elsewhere in the document is not a name', () => {
    const text = 'Strength in Development for Shanghai\n\nShanghai pursues development of new industries, and development is fast.';
    expect(show(text, englishEntities(text))).toEqual([['Shanghai', 'LOC'], ['Shanghai', 'LOC']]);
  });
  it('a long paragraph without a final stop is body text, not a headline', () => {
    const text = `Title Line\n\nThe report was read. According to Ye Bin, Assistant to the President of Chint Electric Co., Ltd., sales rose. A team from the Shanghai Institute of Optics and Precision Mechanics released it, and Tang Zhao said that the homestay will open mainly because`;
    expect(show(text, englishEntities(text))).toEqual([
      ['Ye Bin', 'PERSON'], ['Chint Electric Co., Ltd.', 'ORG'], ['Shanghai Institute of Optics and Precision Mechanics', 'ORG'], ['Tang Zhao', 'PERSON'],
    ]);
  });
  it('a legal suffix keeps its stop', () => {
    const text = 'Local manufacturer Tidewater Robotics Ltd. supplied 140 cranes.';
    expect(show(text, englishEntities(text))).toEqual([['Tidewater Robotics Ltd.', 'ORG']]);
  });
  it('a numbered pier or terminal is a place, not a model name', () => {
    const text = 'The union will hold a rally at Pier 9 next month.';
    expect(show(text, englishEntities(text))).toEqual([['Pier 9', 'LOC']]);
  });
});

describe('English names typed by the document', () => {
  it("a surname alone takes the type of the document's full mention", () => {
    const text = 'Port director Maria Okonkwo said cranes move most boxes. "We would need workers," Okonkwo said.';
    expect(show(text, englishEntities(text))).toEqual([['Maria Okonkwo', 'PERSON'], ['Okonkwo', 'PERSON']]);
  });
  it('plans, laws and programmes named as such are not places or organisations', () => {
    const text = 'The city will spend more, according to the Harbour City Development Plan 2030 and the Clean Air Act, under the Green Valley Programme.';
    expect(englishEntities(text)).toEqual([]);
  });
  it('events named as such are not places', () => {
    const text = 'Crowds came to the Riverside Lantern Festival, and the union will rally during the Harbour Festival.';
    expect(englishEntities(text)).toEqual([]);
  });
});

describe('names that act', () => {
  it('a name no rule types is an organisation when it is the subject of a verb', () => {
    const text = 'Meanwhile Zorblax ships hubs, and Quenton and Marvex have opened labs.';
    expect(show(text, englishEntities(text))).toEqual([['Zorblax', 'ORG'], ['Quenton', 'ORG'], ['Marvex', 'ORG']]);
  });
  it('a name in quotes followed by a product noun is a product; a journal is an organisation', () => {
    const text = 'They released the "Sinan" open source evaluation system, and the journal Nature published it.';
    expect(show(text, englishEntities(text))).toEqual([['Sinan', 'PRODUCT'], ['Nature', 'ORG']]);
  });
  it('a known place in a headline before a kind word is the longer name', () => {
    const text = 'Ningbo Port Automates as Trade Rebounds\n\nNingbo, April 2 -- the port said so.';
    expect(show(text, englishEntities(text))).toEqual([['Ningbo Port', 'LOC'], ['Ningbo', 'LOC']]);
  });
  it('a function word after an ellipsis or a semicolon does not start a name', () => {
    const text = 'Factories grew... In Shanghai, output rose; Targeting chips, Shanghai spent more.';
    expect(show(text, englishEntities(text))).toEqual([['Shanghai', 'LOC'], ['Shanghai', 'LOC']]);
  });
});

describe('names in their sentence', () => {
  it('a role before a name makes it a person', () => {
    const text = 'General Secretary Xi Jinping emphasized it, and Bureau head Chen Rui agreed.';
    expect(show(text, englishEntities(text))).toEqual([['Xi Jinping', 'PERSON'], ['Chen Rui', 'PERSON']]);
  });
  it('"and" joins the words of an organisation whose kind word comes later, "of" after a person does not', () => {
    const text = 'The Shanghai Municipal Science and Technology Commission said so, and Li Ming of Tongji University agreed.';
    expect(show(text, englishEntities(text))).toEqual([['Shanghai Municipal Science and Technology Commission', 'ORG'], ['Li Ming', 'PERSON'], ['Tongji University', 'ORG']]);
  });
  it('nothing inside a quoted plan title, nor in the plan title a joiner continues', () => {
    const text = 'The “Shanghai Action Plan for Cultivating “Metaverse” New Tracks (2022-2025)” and the Action Plan for High-Quality Development came out in Shanghai.';
    expect(show(text, englishEntities(text))).toEqual([['Shanghai', 'LOC']]);
  });
  it('a name in apposition to a product noun is a product; shipping lines are an organisation', () => {
    const text = 'The group\'s new carrier, the Polar Swift, will be delivered to Arctic Freight Lines in October.';
    expect(show(text, englishEntities(text))).toEqual([['Polar Swift', 'PRODUCT'], ['Arctic Freight Lines', 'ORG']]);
  });
  it('a headline run the document never writes in lowercase, ending in a place word, is a place', () => {
    const text = 'Solar Farms Spread Across the Lake District\n\nThe farms grew in spring, and the farms spread.';
    expect(show(text, englishEntities(text))).toEqual([['Lake District', 'LOC']]);
  });
});

describe('names typed by their neighbours', () => {
  it('a name joined by "and" to a typed name takes its type', () => {
    const text = 'Bottles are collected in Jiaozhou and Weifang every week.';
    expect(show(text, englishEntities(text))).toEqual([['Jiaozhou', 'LOC'], ['Weifang', 'LOC']]);
  });
  it('a role word after the comma, a few words on, makes a person; a title before does not join the name', () => {
    const text = '"Buyers ask first," said Sun Lihua, the group\'s sales director. Professor Zhou Wen led the team at Textile Insight GmbH.';
    expect(show(text, englishEntities(text))).toEqual([['Sun Lihua', 'PERSON'], ['Zhou Wen', 'PERSON'], ['Textile Insight GmbH', 'ORG']]);
  });
});

describe('the score threshold of nlp proposals', () => {
  it('proposes nothing scored below NLP_MIN_SCORE', () => {
    const text = 'The report thanked Quenton, Marvex and Zorblax for their help.';
    for (const p of suggestEntities(text)) expect(p.score).toBeGreaterThanOrEqual(NLP_MIN_SCORE);
    expect(englishEntities(text, { minScore: 0 }).some((p) => p.score < NLP_MIN_SCORE)).toBe(true);
    expect(englishEntities(text)).toEqual([]);
  });
});
