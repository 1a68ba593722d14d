// The default label schema of ../shared/GUIDELINES.md: labels, groups, colours, hotkeys, attributes, relations.

/** The three families of labels the guidelines define. */
export type LabelGroup = 'claim' | 'figure' | 'entity';

/** How an attribute's value is entered and checked. */
export type AttrType = 'enum' | 'text' | 'number' | 'boolean' | 'entity';

/** One attribute a label carries. */
export interface AttrDef {
  name: string;
  type: AttrType;
  /** Allowed values, for `enum`. */
  values?: string[];
  help?: string;
}

/** One label: what it is called, how it looks and which key applies it. */
export interface LabelDef {
  name: string;
  group: LabelGroup;
  /** CSS colour of its highlight. */
  color: string;
  /** One key, pressed without modifiers, that applies the label. */
  hotkey: string;
  /** What the label covers, in the project's words (shown in the help panel). */
  help: string;
  attrs: AttrDef[];
}

/** A relation type and the labels it may join. */
export interface RelationDef {
  name: string;
  /** Label groups allowed at the head (empty: any). */
  head: LabelGroup[];
  /** Label groups allowed at the tail (empty: any). */
  tail: LabelGroup[];
  hotkey: string;
}

/** A whole schema, as stored in `.marginalia/schema.json`. */
export interface LabelSchema {
  version: 1;
  labels: LabelDef[];
  relations: RelationDef[];
}

const APPROX_VALUES = ['none', 'more-than', 'about', 'less-than', 'up-to'];

/** The schema Marginalia ships with, after ../shared/GUIDELINES.md. */
export const DEFAULT_SCHEMA: LabelSchema = {
  version: 1,
  labels: [
    {
      name: 'CLAIM', group: 'claim', color: '#f2c14e', hotkey: 'c',
      help: 'A checkable assertion: a fact, a statistic, a comparison, a cause, or a forecast attributed to someone. Mark the smallest clause that carries the whole assertion, leaving out "said X" unless the attribution is the claim.',
      attrs: [{ name: 'checkworthy', type: 'enum', values: ['yes', 'no'] }],
    },
    {
      name: 'FIGURE', group: 'figure', color: '#4ea8de', hotkey: 'f',
      help: 'A number with its scale word and unit, and nothing else: "43.9%", "1.5 trillion yuan", "2623.9亿元". Approximators ("more than", "近", "约") stay outside and go into approx. Dates, years, times, ordinals and numbers inside names are not figures.',
      attrs: [
        { name: 'value', type: 'number', help: 'The number with its scale applied: 1.5 trillion is 1.5e12.' },
        { name: 'unit', type: 'text', help: 'Free text or an ISO code: CNY, %, km.' },
        { name: 'approx', type: 'enum', values: APPROX_VALUES },
      ],
    },
    {
      name: 'PERSON', group: 'entity', color: '#e76f51', hotkey: 'p',
      help: 'A named person, without a role word such as "chairman".',
      attrs: [{ name: 'canonical', type: 'entity' }],
    },
    {
      name: 'ORG', group: 'entity', color: '#8ac926', hotkey: 'o',
      help: 'A company, agency, lab, university, newspaper or party, with any legal suffix ("Co., Ltd.").',
      attrs: [{ name: 'canonical', type: 'entity' }],
    },
    {
      name: 'LOC', group: 'entity', color: '#2a9d8f', hotkey: 'l',
      help: 'A city, district, country, region, river, mountain, park or port.',
      attrs: [{ name: 'canonical', type: 'entity' }],
    },
    {
      name: 'PRODUCT', group: 'entity', color: '#b5179e', hotkey: 'd',
      help: 'A named product, model, drug, platform, vehicle, facility or machine ("C919", "Sinan").',
      attrs: [{ name: 'canonical', type: 'entity' }],
    },
    {
      name: 'EVENT', group: 'entity', color: '#ff8fab', hotkey: 'e',
      help: 'A named event ("Spring Festival").',
      attrs: [{ name: 'canonical', type: 'entity' }],
    },
    {
      name: 'POLICY', group: 'entity', color: '#9d4edd', hotkey: 'y',
      help: 'A named plan, law, programme or document.',
      attrs: [{ name: 'canonical', type: 'entity' }],
    },
  ],
  relations: [
    { name: 'cites', head: ['claim'], tail: ['figure'], hotkey: 'i' },
    { name: 'about', head: ['claim'], tail: ['entity'], hotkey: 'a' },
    { name: 'speaker', head: ['claim'], tail: ['entity'], hotkey: 's' },
  ],
};

/** The label definition of `name`, if the schema has one. */
export function labelDef(schema: LabelSchema, name: string): LabelDef | undefined {
  return schema.labels.find((l) => l.name === name);
}
