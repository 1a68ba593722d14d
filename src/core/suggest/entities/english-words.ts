// The word tables of the English entity rules: kind words that type a name, cue words around it, words that are never names.

const words = (s: string) => new Set(s.split(' '));

/** Words that end an organisation's name ("Fudan University", "Harbour City Port Authority"). */
export const ORG_WORDS = words(
  'Group University College Company Co Co. Ltd Ltd. Corporation Corp Corp. Inc Inc. Commission Ministry Bureau Administration ' +
    'Bank Institute Laboratory Lab Academy Association Council Agency Shipping Airlines Motors Technologies Technology Electric ' +
    'Xinhua Reuters Daily Times Post News Authority Department Committee Federation Foundation Holdings Industries Exchange ' +
    'Office Government Court Party Hospital School Center Centre Society Union Alliance Fund Securities Insurance Energy Telecom Lines GmbH AG SA LLC Plc PLC Limited',
);
/** Words that end a place's name ("Anhui Province", "Pier 9"). */
export const LOC_WORDS = words(
  'Port River Delta Province City District County Lake Mountain Mountains Bay Island Islands Harbour Harbor Sea Ocean Strait ' +
    'Valley Region Park Village Town Street Road Avenue Bridge Canal Gulf Peninsula Plateau Desert Zone Area New-Area Pier Berth Wharf Dock',
);
/**
 * Words that make a name a document or an event (POLICY, EVENT), which the NLP rules do not
 * propose: "Harbour City Development Plan 2030", "Clean Air Act", "Riverside Lantern Festival".
 */
export const POLICY_OR_EVENT_WORDS = words(
  'Plan Plans Programme Program Act Law Laws Strategy Regulations Regulation Rules Policy Initiative Agreement Treaty Convention Outline Guidelines Measures ' +
    'Map Festival Conference Forum Expo Fair Summit Games Olympics Exhibition Congress Marathon Championship Championships Cup Week',
);
/** Words before a name that make it a product ("the software Qianfan", "called Sinan"). */
export const PRODUCT_CUES = words('software platform system model app application chip card vaccine drug aircraft jet robot satellite rocket phone car vehicle engine processor called named dubbed');
/** Nouns after a name that make it a product ("its Seagull hatchback", "the Tianhe supercomputer"). */
export const PRODUCT_AFTER = words('hatchback sedan suv car model phone chip aircraft jet vaccine drug app platform software system robot supercomputer satellite rocket truck vessel carrier tanker machine device');
/** Prepositions that make the name after them a place ("in Cixi"). */
export const PLACE_PREPOSITIONS = words('in at near nearby from to across around outside inside');
/** Lowercase words that may join capitalized words inside a name ("Commission of Economy and Informatization"). */
export const JOINERS = new Set(['of', 'and', 'for', 'on', '&']);
/** Titles and roles before a name, never part of it. */
export const ROLE_WORDS = words('President Chairman Minister Director Mr Mrs Ms Dr Prof Professor Premier Governor Mayor Secretary');
/** Abbreviated legal forms whose stop belongs to the name ("Tidewater Robotics Ltd.", "Chint Electric Co., Ltd."). */
export const LEGAL_ABBREVIATIONS = words('Co Ltd Inc Corp Plc Bros LLC');
/** Capitalized abbreviations that name kinds of things or units, not entities. */
export const GENERIC_ACRONYMS = words('GPU GPUs CPU CPUs AI GDP TEU TEUs CEO IT AI5G P PFLOPS GW MW kW GB TB UN');
/** Roles in an apposition after a name that make it a person ("Ye Bin, Assistant to the President", "Wang Lei, a researcher"); lowercase. */
export const APPOSITIVE_ROLES = words(
  'director chairman chairwoman founder co-founder president assistant head minister mayor spokesman spokeswoman spokesperson researcher professor ' +
    'chief manager secretary engineer analyst governor ceo economist official scientist editor reporter lawyer farmer owner',
);
/** Words between the comma and the role of an apposition ("a", "the", "deputy"). */
export const ROLE_MODIFIERS = words('a an the deputy vice senior general executive former');
/** Nouns before a name that make it an organisation ("the journal Nature", "carmaker NIO"); lowercase. */
export const ORG_CUES = words('journal newspaper magazine agency company firm carmaker automaker manufacturer maker developer operator startup broadcaster retailer bank insurer brand publisher');
/** Function words that never start a name, whatever compromise tags them after an ellipsis ("... In Shanghai"); lowercase. */
export const FUNCTION_WORDS = words('in on at the a an for of and to from by with as after before during since when while under over into through targeting');
