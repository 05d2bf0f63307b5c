// Sentences the evaluation inserts into clean articles, each carrying a planted wrong claim.
// Written for this evaluation in news style; vary them freely (the numbers will move a little).
//
// Placeholders: {claim} the planted claim (its span is what must be flagged), {Claim} the same
// at a sentence start; {other} a correct claim about another office on the article's date;
// {intro} a correct "Title Full Name" (attribution blocks); {wrong} the planted wrong surname;
// {hon} "Mr "/"Ms " in British copy, empty in American copy; {he}/{He} the introduced person's
// pronoun; {topic}, {place}, {day}, {group}/{Group}, {critics}/{Critics}, {quote}, {clause}.
// Quotation marks and apostrophes are written curly and become straight in straight-quoted articles.

/** Issue 15's positions: where in a sentence a title claim can sit. */
export const POSITION_TEMPLATES = {
  object: [
    '{Critics} accused {claim} of ignoring warnings about {topic}.',
    '{Critics} urged {claim} to rethink the plans on {topic}.',
    'Protesters heckled {claim} as the motorcade arrived in {place} on {day}.',
    'The committee will question {claim} about {topic} next week.',
    'A new poll suggests voters trust {claim} more than anyone else on {topic}.',
    'Campaigners thanked {claim} for meeting them in {place} on {day}.',
    'The leaked memo has embarrassed {claim} days before the vote on {topic}.',
    '{Group} have invited {claim} to address their conference in {place}.',
  ],
  prepositional: [
    'The plan on {topic} was launched by {claim} in {place} on {day}.',
    'In a letter to {claim}, {group} called for an independent inquiry into {topic}.',
    'The proposals were drawn up after talks with {claim} earlier this week.',
    'A spokesman for {claim} declined to comment on {topic}.',
    'Pressure is mounting on {claim} over {topic}.',
    '{Group} said they had received no reply from {claim}.',
    'The final decision on {topic} now rests with {claim}.',
    'Officials travelling with {claim} said the visit to {place} had gone well.',
  ],
  possessive: [
    '{Claim}’s promise to act on {topic} was dismissed by {critics} as too little, too late.',
    '{Critics} say {claim}’s plan on {topic} does not go far enough.',
    'The bill on {topic} is central to {claim}’s programme for the coming year.',
    '{Claim}’s office confirmed the trip to {place} on {day}.',
    'Aides played down reports of a rift over {claim}’s handling of {topic}.',
  ],
  coordinated: [
    '{Claim} and {other} are expected to meet in {place} next week.',
    'The deal on {topic} was agreed by {other} and {claim} on {day}.',
    'Both {claim} and {other} have backed the proposals on {topic}.',
    '{Other} and {claim} will travel to {place} together on {day}.',
    'Letters went to {claim} and {other} asking for an urgent meeting on {topic}.',
  ],
  'inverted-speech': [
    '“{quote},” said {claim}.',
    '“{quote},” added {claim}, speaking in {place} on {day}.',
    'The changes to {topic} are working, or so says {claim}.',
    'A senior party figure said {claim} had done a good job on {topic}.',
    'Sources close to the talks said {claim} had been furious about the leak.',
    'According to {claim}, the changes to {topic} will be in place by the spring.',
  ],
  'reported-past': [
    '{Claim} held talks with {group} on {day}.',
    '{Claim} arrived in {place} on {day} for a two-day visit.',
    '{Claim} met {group} in {place} on {day} to discuss {topic}.',
    '{Claim} announced a review of {topic} on {day}.',
    '{Claim} spent {day} in {place}, visiting a school and a hospital.',
    '{Claim} flew to {place} on {day} for talks on {topic}.',
  ],
  headline: [
    '{Claim} unveils plan on {topic}',
    '{Claim} in row over {topic}',
    '{Claim} to visit {place}',
    '{Claim} backs reform of {topic}',
    'Talks with {claim} end without a deal',
    '{Claim}’s plan on {topic} under fire',
    '{Claim} faces pressure over {topic}',
  ],
  caption: [
    '{Claim} speaks to reporters in {place} on {day}.',
    '{Claim} arrives for talks in {place}. (Photo: Staff)',
    '{Claim}, left, with {other} at the meeting in {place}.',
    'PHOTO: {Claim} leaves {place} after the meeting on {topic}.',
    '{Claim} addresses delegates at a conference in {place} on {day}. (AP Photo)',
  ],
  list: [
    'Among those attending were {other}, {claim} and several business leaders.',
    'The guests included {claim}, {other} and the heads of three charities.',
    'Speakers at the conference will include {other} and {claim}.',
    'Those present included {claim}, {other} and senior officials from {place}.',
    'The letter was copied to several people, among them {claim} and {other}.',
  ],
  parenthesis: [
    'The decision (announced by {claim} on {day}) surprised many in the party.',
    'Officials (including {claim}) are due to discuss {topic} on {day}.',
    'The review of {topic} (ordered by {claim}) will report in the spring.',
    'The visit to {place} (the first by {claim} this year) was kept secret until {day}.',
    'The plan on {topic} (drawn up by aides to {claim}) will be published on {day}.',
  ],
};

/** Plain subject positions, used for "never held" claims planted in new sentences. */
export const SUBJECT_TEMPLATES = [
  '{Claim} said on {day} that {clause}.',
  '{Claim} told reporters in {place} that {clause}.',
  '{Claim} is expected to set out the plans on {topic} next week.',
  '{Claim} has written to {group} about {topic}.',
];

/** Title forms of issue 15 §3: {claim} is built by the planter in the form named. */
export const FORM_TEMPLATES = {
  // "the home secretary, Charles Clarke,"
  'the-title-comma': [
    '{Claim}, said on {day} that {clause}.',
    'Speaking in {place}, {claim}, said the figures on {topic} were encouraging.',
    '{Claim}, is due to set out the plans on {topic} on {day}.',
    '{Claim}, told {group} that {clause}.',
  ],
  // "Charles Clarke, Britain's home secretary,"
  'after-name': [
    '{Claim}, told reporters the talks on {topic} had been constructive.',
    '{Claim}, arrived in {place} on {day}.',
    '“{quote},” said {claim}, in a statement on {day}.',
    '{Group} met {claim}, in {place} on {day}.',
  ],
  // "Britain's home secretary Charles Clarke"
  'country-possessive-before': [
    '{Claim} said on {day} that {clause}.',
    '{Group} will meet {claim} in {place} next week.',
    'A spokesman for {claim} said the visit to {place} would go ahead.',
  ],
  // "Sen. Chuck Schumer, D-N.Y.,"
  'sen-party-state': [
    '{Claim}, said the bill on {topic} would pass easily.',
    '“{quote},” said {claim}, in a statement.',
    '{Claim}, introduced an amendment on {topic} on {day}.',
    'Among the critics was {claim}, who called the plan a mistake.',
  ],
  // "Texas Gov. Greg Abbott"
  'state-gov': [
    '{Claim} signed the bill on {topic} on {day}.',
    'A spokesman for {claim} said the state would appeal.',
    '{Claim} told reporters in {place} that {clause}.',
  ],
};

/** Quote-attribution blocks: an introduction, a "he said" chain, and the planted wrong surname. */
export const ATTRIBUTION_TEMPLATES = {
  intro: [
    '{Intro} said on {day} that {clause}.',
    '{Intro} told reporters in {place} that {clause}.',
    'Speaking on {day}, {intro} insisted that {clause}.',
    '{Intro} used a speech in {place} to argue that {clause}.',
    '{Intro} set out the plans on {topic} in {place} on {day}.',
  ],
  chain: [
    '“{quote},” {he} said.',
    '{He} added: “{quote}.”',
    '“{quote},” {he} added.',
    '“{quote},” {he} told the audience.',
    '{He} went on: “{quote}.”',
  ],
  wrong: [
    '“{quote},” {hon}{wrong} said.',
    '“{quote},” said {hon}{wrong}.',
    '{Hon}{wrong} said: “{quote}.”',
    '“{quote},” {hon}{wrong} told reporters.',
    '“{quote},” {hon}{wrong} added.',
  ],
};

export const VOCABULARY = {
  topic: [
    'pensions',
    'school funding',
    'the asylum system',
    'tax credits',
    'hospital waiting lists',
    'energy prices',
    'trade tariffs',
    'defence spending',
    'housing',
    'climate change',
    'the budget',
    'immigration rules',
    'child poverty',
    'rail fares',
    'the minimum wage',
    'drug prices',
    'student loans',
    'police numbers',
    'farm subsidies',
    'flood defences',
  ],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  quote: [
    'We will not be rushed into a decision',
    'This is about fairness, and we intend to deliver it',
    'Nobody should be in any doubt about our commitment',
    'The figures speak for themselves',
    'We have listened, and we have changed the plan',
    'I am not going to pretend this will be easy',
    'There is more work to do, but we are making progress',
    'People want action, not more talk',
    'We are ready to sit down with anyone who wants to help',
    'This is the right thing to do, and we will see it through',
    'I have made my position clear',
    'Families deserve better than this',
  ],
  clause: [
    'the government would not be rushed into a decision on {topic}',
    'the talks on {topic} had been constructive',
    'more money would be found for {topic}',
    'the plan on {topic} would be published within weeks',
    'there was no question of a U-turn on {topic}',
    'the figures on {topic} showed the policy was working',
  ],
  GB: {
    place: ['Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Cardiff', 'Belfast', 'Bristol', 'Brighton', 'Liverpool'],
    group: [
      'union leaders',
      'business leaders',
      'council leaders',
      'charity workers',
      'health officials',
      'head teachers',
    ],
    critics: ['opposition MPs', 'the Conservatives', 'Liberal Democrat MPs', 'backbench MPs', 'campaigners'],
  },
  US: {
    place: ['Chicago', 'Denver', 'Philadelphia', 'Phoenix', 'Atlanta', 'Des Moines', 'Columbus', 'Miami', 'Boston'],
    group: ['governors', 'business leaders', 'union leaders', 'city officials', 'veterans groups', 'farm groups'],
    critics: ['Republican lawmakers', 'Democrats', 'critics on Capitol Hill', 'advocacy groups', 'campaigners'],
  },
  other: {
    place: ['Brussels', 'Geneva', 'Berlin', 'Paris', 'Rome', 'Tokyo', 'Vienna', 'Madrid'],
    group: ['business leaders', 'union leaders', 'diplomats', 'aid agencies'],
    critics: ['opposition politicians', 'campaigners', 'critics'],
  },
};
