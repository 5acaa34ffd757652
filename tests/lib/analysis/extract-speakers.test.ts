import { describe, expect, it } from 'vitest';
import { extractSpeakers } from '../../../lib/analysis/extract-speakers';
import type { Speaker } from '../../../lib/model';

const run = (text: string, authors: string[] = [], lang = 'en'): Speaker[] => extractSpeakers({ text, lang, authors });
const find = (speakers: Speaker[], name: string): Speaker | undefined => speakers.find((s) => s.name === name);
const texts = (s: Speaker | undefined): string[] => (s?.statements ?? []).map((x) => x.text);

describe('extractSpeakers: direct quotes', () => {
  it('attributes a quote with an inverted attribution and a title', () => {
    const out = run('"The new bridge will open in the spring," said Mayor Linda Okafor of Riverton.');
    const s = find(out, 'Linda Okafor');
    expect(s?.kind).toBe('person');
    expect(s?.role).toMatch(/Mayor/);
    expect(texts(s)).toEqual(['The new bridge will open in the spring']);
    expect(s?.statements[0]?.kind).toBe('direct');
  });

  it('handles attribution inside a quote and the quote that follows', () => {
    const text = 'Carla Mendes runs the harbour office.\n\n“We were ready for the storm,” she said. “The crews had worked through the whole night.”';
    const s = find(run(text), 'Carla Mendes');
    expect(texts(s)).toEqual(['We were ready for the storm', 'The crews had worked through the whole night']);
  });

  it('handles a colon before the quote and straight quotes', () => {
    const s = find(run('Tomasz Nowak added: "Nobody expected the river to rise this quickly."'), 'Tomasz Nowak');
    expect(texts(s)).toEqual(['Nobody expected the river to rise this quickly']);
  });

  it('follows a quotation across paragraphs', () => {
    const text =
      'Dr. Amara Singh, a virologist at Northfield University, warned of a difficult winter.\n\n' +
      '“Cases will rise sharply in the coming weeks. Hospitals must prepare their wards now.\n\n' +
      '“We have seen this pattern in every season since the pandemic began,” she said.';
    const s = find(run(text), 'Amara Singh');
    expect(s?.role).toMatch(/virologist at Northfield University/);
    expect(texts(s)).toContain('We have seen this pattern in every season since the pandemic began');
    expect(texts(s).some((t) => t.startsWith('Cases will rise sharply'))).toBe(true);
  });
});

describe('extractSpeakers: indirect speech', () => {
  it('reads appositive roles and reporting verbs of many forms', () => {
    const text =
      'Peter Halvorsen, chief economist at Nordbank, argued that interest rates would stay high through the year. ' +
      'Halvorsen also warned that house prices could fall further in the north.';
    const s = find(run(text), 'Peter Halvorsen');
    expect(s?.role).toBe('chief economist at Nordbank');
    expect(texts(s)).toEqual(['interest rates would stay high through the year', 'house prices could fall further in the north']);
    expect(s?.statements.map((x) => x.cue)).toEqual(['argued', 'warned']);
    expect(s?.aliases).toContain('Halvorsen');
  });

  it('reads stance phrases and "according to"', () => {
    const text =
      'Economist Ruth Abernathy is convinced that the new tariff will raise prices for families. ' +
      'The factory will close in March, according to Abernathy.';
    const s = find(run(text), 'Ruth Abernathy');
    expect(texts(s)).toEqual(['the new tariff will raise prices for families', 'The factory will close in March']);
    expect(s?.statements.map((x) => x.cue)).toEqual(['is convinced', 'according to']);
  });

  it('resolves pronouns by gender and surnames to the full name', () => {
    const text =
      'Maria Lopez met John Carter at the summit in Lisbon. Carter said the talks had gone well. ' +
      'She said the next round would be harder than the first one.';
    const out = run(text);
    expect(texts(find(out, 'John Carter'))).toEqual(['the talks had gone well']);
    expect(texts(find(out, 'Maria Lopez'))).toEqual(['the next round would be harder than the first one']);
  });

  it('never resolves to the byline author', () => {
    const text = 'By Daniel Reed\n\nDaniel Reed visited the port last week. He said the cranes were idle for most of the day.';
    expect(run(text, ['Daniel Reed'])).toEqual([]);
  });

  it('keeps a verbless continuation with the speaker', () => {
    const text = 'Lena Fischer said the region had lost a third of its forests. Recovery will take decades of careful planting.';
    expect(texts(find(run(text), 'Lena Fischer'))).toEqual([
      'the region had lost a third of its forests',
      'Recovery will take decades of careful planting',
    ]);
  });

  it('separates several speakers in one paragraph', () => {
    const text = 'Ahmed Karimi said the ceasefire would hold, while Sofia Brandt argued that both sides were rearming.';
    const out = run(text);
    expect(texts(find(out, 'Ahmed Karimi'))).toEqual(['the ceasefire would hold']);
    expect(texts(find(out, 'Sofia Brandt'))).toEqual(['both sides were rearming']);
  });

  it('handles coordinated verbs and participles', () => {
    const text = 'Senator Grace Whitfield criticised the budget and proposed that schools receive more funding, saying the cuts went too far.';
    const s = find(run(text), 'Grace Whitfield');
    expect(texts(s)).toContain('schools receive more funding');
    expect(texts(s)).toContain('the cuts went too far');
    expect(s?.role).toBe('Senator');
  });
});

describe('extractSpeakers: organisations and unnamed sources', () => {
  it('marks organisations and unnamed sources apart from people', () => {
    const text =
      'Northwind Airlines said in a statement that all flights would resume on Friday. ' +
      'Officials said the runway had been repaired. A spokesperson for the airport said delays were expected. ' +
      'The ministry said it would review the incident.';
    const out = run(text);
    const org = out.find((s) => s.name === 'Northwind Airlines');
    expect(org?.kind).toBe('organization');
    expect(texts(org)).toEqual(['all flights would resume on Friday']);
    expect(out.find((s) => s.name.toLowerCase() === 'the ministry')?.kind).toBe('organization');
    const unnamed = out.filter((s) => s.kind === 'unnamed').map((s) => s.name.toLowerCase());
    expect(unnamed).toContain('officials');
    expect(unnamed.some((n) => n.includes('spokesperson'))).toBe(true);
    expect(out.filter((s) => s.kind === 'person')).toEqual([]);
  });
});

describe('extractSpeakers: names', () => {
  it('keeps particles, hyphens and names of many origins', () => {
    const text =
      'Ursula von der Leyen said the agreement was a turning point for Europe. ' +
      'Kwame Mensah-Bonsu, a trader in Accra, said prices had doubled since January. ' +
      'Ni Yueju, a historian at the National Museum, said the archive would open next year.';
    const out = run(text);
    expect(find(out, 'Ursula von der Leyen')).toBeDefined();
    expect(find(out, 'Kwame Mensah-Bonsu')?.role).toBe('a trader in Accra');
    expect(texts(find(out, 'Ni Yueju'))).toEqual(['the archive would open next year']);
  });

  it('merges the forms of one person', () => {
    const text =
      'Professor Helga Brandvold from Tromsø University said glaciers were retreating fast. ' +
      '"We measured it every month," Brandvold said. Professor Brandvold added that funding was short.';
    const out = run(text).filter((s) => s.kind === 'person');
    expect(out).toHaveLength(1);
    expect(out[0]?.name).toBe('Helga Brandvold');
    expect(out[0]?.role).toBe('Professor from Tromsø University');
    expect(out[0]?.statements).toHaveLength(3);
  });
});

describe('extractSpeakers: languages', () => {
  it('returns nothing for other languages', () => {
    expect(run('« Nous sommes prêts », a déclaré Marie Dupont, maire de Lyon.', [], 'fr')).toEqual([]);
    expect(run('Der Minister sagte, dass die Steuern steigen würden.', [], '')).toEqual([]);
  });
});

describe('extractSpeakers: more constructions', () => {
  it('finds the speaker of a multi-paragraph quote attributed only at its end', () => {
    const text =
      'The dam failed just after midnight.\n\n' +
      '“The water came through the village in minutes. Nobody had time to move the cattle.\n\n' +
      '“We lost everything we had built in thirty years,” said Ingrid Solberg, who farms below the dam.';
    const s = find(run(text), 'Ingrid Solberg');
    expect(texts(s)).toEqual(['The water came through the village in minutes', 'Nobody had time to move the cattle', 'We lost everything we had built in thirty years']);
  });

  it('reads speech acts written as nouns', () => {
    const s = find(run('Rosa Delgado issued a plea for drivers to slow down near the school.'), 'Rosa Delgado');
    expect(texts(s)).toEqual(['for drivers to slow down near the school']);
    expect(s?.statements[0]?.cue).toBe('issued a plea');
  });

  it('credits a labelled analysis box to its writer', () => {
    const text =
      'The prime minister said the deal was done.\n\nAnalysis: Priya Raman, political editor\n\n' +
      'Few in the room believed the deal would survive the weekend.\n\nThe mood in the party has turned sour.\n\nWhat happens next\n\nThe vote is on Monday.';
    const s = find(run(text), 'Priya Raman');
    expect(texts(s)).toEqual(['Few in the room believed the deal would survive the weekend', 'The mood in the party has turned sour']);
  });

  it('does not take passive reports, nouns or first-person narration as speech', () => {
    expect(run('Residents were told to leave their homes. The American demand for steel rose sharply.')).toEqual([]);
    const text = 'I spent a week with the crew.\n\nKofi Boateng said the boats were old. I could not stop thinking about the engines.\n\nWe sailed at dawn and I was seasick for hours on end.';
    expect(texts(find(run(text), 'Kofi Boateng'))).toEqual(['the boats were old']);
  });
});

describe('extractSpeakers: appositions and split quotes', () => {
  it('takes the name from an appositive after a title phrase', () => {
    const s = find(run('The Prime Minister, Keir Starmer, said the plan would proceed without delay.'), 'Keir Starmer');
    expect(s?.role).toBe('The Prime Minister');
    expect(texts(s)).toEqual(['the plan would proceed without delay']);
  });

  it('keeps both halves of a quote split by its attribution', () => {
    const s = find(run('Lucia Ferreira runs the bakery. “It works well,” Ms. Ferreira said, “but only in the summer months.”'), 'Lucia Ferreira');
    expect(texts(s)).toEqual(['It works well', 'but only in the summer months']);
  });

  it('gives a statement to every name in a coordinated subject, with possessive roles resolved', () => {
    const text = 'Former mayor Hugo Brandt, his wife Elsa and two aides are staying in Geneva and are insisting the vote be annulled, a source said.';
    const out = run(text);
    expect(texts(find(out, 'Hugo Brandt'))).toEqual(['the vote be annulled']);
    expect(find(out, 'Elsa')?.role).toBe("Hugo Brandt's wife");
  });

  it('gives a compound subject statement to each named speaker', () => {
    const out = run('Oskar Lind and Mira Haas said the merger would cost thousands of jobs.');
    expect(texts(find(out, 'Oskar Lind'))).toEqual(['the merger would cost thousands of jobs']);
    expect(texts(find(out, 'Mira Haas'))).toEqual(['the merger would cost thousands of jobs']);
  });
});

describe('extractSpeakers: weak verbs and parentheticals', () => {
  it('needs a clause after weak verbs', () => {
    expect(run('Anna Berg wrote a book about the war. She told her story to the court.')).toEqual([]);
    expect(texts(find(run('Anna Berg wrote that the war had changed everything.'), 'Anna Berg'))).toEqual(['the war had changed everything']);
    expect(texts(find(run('Anna Berg asked whether the bridge was safe for lorries.'), 'Anna Berg'))).toEqual(['whether the bridge was safe for lorries']);
  });

  it('reads through parentheticals and participle phrases', () => {
    const text = 'Dr. Sanjay Patel, a cardiologist at Mercy Hospital, explained that the trial was promising. He cautioned, however, that results could change.';
    const s = find(run(text), 'Sanjay Patel');
    expect(texts(s)).toEqual(['the trial was promising', 'results could change']);
    const m = run('The harbour master, speaking at a press conference, said the port would reopen at noon.');
    expect(m.find((x) => x.kind === 'unnamed')?.statements[0]?.text).toBe('the port would reopen at noon');
  });

  it('attributes role-first appositions and inverted questions', () => {
    const a = find(run('Profits fell for a third quarter, the company’s chief executive, Jane Moreau, said on Tuesday.'), 'Jane Moreau');
    expect(a?.role).toBe('the company’s chief executive');
    expect(texts(a)).toEqual(['Profits fell for a third quarter']);
    const b = find(run('“Why now, after all these years?” asked Senator Ed Lowry of Vermont.'), 'Ed Lowry');
    expect(texts(b)).toEqual(['Why now, after all these years?']);
  });
});

describe('extractSpeakers: held-out constructions', () => {
  it('takes a short phrase between a closing quote and the name as the role', () => {
    const a = find(run('“The market is empty now,” Lisbon shopkeeper Rui Duarte said after the vote.'), 'Rui Duarte');
    expect(a?.role).toBe('Lisbon shopkeeper');
    expect(texts(a)).toEqual(['The market is empty now']);
    const b = find(run('“We have no plan B,” deputy mayor Hanna Ek told reporters outside the town hall.'), 'Hanna Ek');
    expect(b?.role).toBe('deputy mayor');
    expect(texts(b)).toEqual(['We have no plan B']);
  });

  it('attributes "Name, who said …" and skips a relative clause before the verb', () => {
    const a = find(run('The board thanked its treasurer Piet de Wit, who said he would step down in June.'), 'Piet de Wit');
    expect(texts(a)).toEqual(['he would step down in June']);
    const b = find(run('Nora Blum, who runs a ferry company on the lake, said bookings had fallen by a third.'), 'Nora Blum');
    expect(texts(b)).toEqual(['bookings had fallen by a third']);
    // A relative clause whose verb is not speech ("who advises …") makes no speaker.
    expect(run('The team included Omar Haddad, who advises the minister on security, and two clerks.')).toEqual([]);
  });

  it('skips a relative clause after "according to"', () => {
    const s = find(run('According to Dr. Lena Vogt, who leads the clinic, the waiting list has doubled.'), 'Lena Vogt');
    expect(texts(s)).toEqual(['the waiting list has doubled']);
  });

  it('reads a role phrase ending in a place before an appositive name', () => {
    const s = find(run('“We will keep the mill open,” the senator from Maine, Carol Pike, told reporters.'), 'Carol Pike');
    expect(s?.role).toBe('the senator from Maine');
    expect(texts(s)).toEqual(['We will keep the mill open']);
  });

  it('reads "told NOUNS that …" and "…, saying" after a plain verb', () => {
    expect(texts(find(run('Jean-Paul Roux told supporters that the count had been rigged.'), 'Jean-Paul Roux'))).toEqual(['the count had been rigged']);
    const text = 'Ivo Marsh is a blogger.\n\nMarsh reposted the clip, saying, “Nobody checks the facts any more.”';
    expect(texts(find(run(text), 'Ivo Marsh'))).toEqual(['Nobody checks the facts any more']);
  });

  it('does not treat a list of names as a role, nor a clock time as a colon', () => {
    const out = run('Ana Ruiz said the inquiry targets Ruiz, Soto and Interior Minister Pablo Gil. Ruiz declared at 10:30 p.m. that the curfew was over.');
    const s = find(out, 'Ana Ruiz');
    expect(s?.role ?? '').not.toMatch(/Soto/);
    expect(texts(s).some((t) => t.startsWith('30 p.m.'))).toBe(false);
  });

  it('takes a role from "NAME is the ROLE of …"', () => {
    const text = 'Ines Falk and Tom Reyes both run bakeries. Falk is the owner of Kornhaus, a chain that bakes rye bread. Falk said flour prices had tripled.';
    expect(find(run(text), 'Ines Falk')?.role).toBe('the owner of Kornhaus');
  });

  it('reads "told X 18 months ago that …"', () => {
    const s = find(run('Governor Ruth Lane told the council two years ago that she would cut the fares.'), 'Ruth Lane');
    expect(texts(s)).toEqual(['she would cut the fares']);
  });

  it('keeps a name whole across a soft hyphen', () => {
    const text = 'Mark Ellison spoke first.\n\nEllison added that Kow\u00ADalski’s plan would force the city to rethink its budget.';
    const s = find(run(text), 'Mark Ellison');
    expect(texts(s)).toEqual(['Kow\u00ADalski’s plan would force the city to rethink its budget']);
  });

  it('does not read "declared martial law" as speech, nor continue a speaker into "Many of them said"', () => {
    const text = 'Omar Tal said the curfew would end soon. Many of them said they heard about it on the radio.\n\nWitnesses described the night Tal declared martial law around 10:30 p.m. on Tuesday.';
    expect(texts(find(run(text), 'Omar Tal'))).toEqual(['the curfew would end soon']);
  });

  it('keeps a quotation that opens with "That"', () => {
    expect(texts(find(run('“That is the whole point of the reform,” Ruth Lane said.'), 'Ruth Lane'))).toEqual(['That is the whole point of the reform']);
  });

  it('drops a trailing "according to a statement" from the content', () => {
    const s = find(run('The mayor, Karen Holt, said the shelters would stay open, according to a statement.'), 'Karen Holt');
    expect(texts(s)).toEqual(['the shelters would stay open']);
  });

  it('reads an appositive role with a scare-quoted word', () => {
    const s = find(run('Dana Roe, a writer for the “independent” website Checkly, said the claim was false.'), 'Dana Roe');
    expect(s?.role).toBe('a writer for the “independent” website Checkly');
    expect(texts(s)).toEqual(['the claim was false']);
  });
});
