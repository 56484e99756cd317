import { estimateCrowd } from './src/preview/crowd.js';
import { matchReceiptLabel, PREVIEW_VERSION, type Preview } from './src/preview/preview-document.js';
import { renderHtml } from './src/preview/render-html.js';
import { renderMarkdown } from './src/preview/render-markdown.js';
import { writeFileSync } from 'node:fs';
const FIRST_LEG = matchReceiptLabel({
  date: '2024-04-11',
  home: 'Liverpool',
  away: 'Atalanta',
  homeGoals: 0,
  awayGoals: 3,
  competition: 'Europa League',
});
const VERONA = '2024-04-15 Atalanta 2-2 Hellas Verona (Serie A)';
const PALACE = '2024-04-14 Liverpool 0-1 Crystal Palace (Premier League)';

/** A small preview touching every section and every kind of receipt. */
function samplePreview(): Preview {
  return {
    version: PREVIEW_VERSION,
    fixture: {
      home: 'Atalanta',
      away: 'Liverpool',
      date: '2024-04-18',
      competition: 'UEFA Europa League',
      round: 'quarter-final',
      leg: 2,
      venue: 'Gewiss Stadium',
    },
    intro: [{ kind: 'text', sentences: [{ text: 'Atalanta lead 3-0 after the first leg.', factIds: ['tie'] }] }],
    sections: [
      {
        id: 'match-preview',
        title: 'Match preview',
        paragraphs: [
          {
            kind: 'text',
            sentences: [
              { text: 'Liverpool have lost their last two matches.', factIds: ['losses'] },
              { text: 'An injected <script>alert("x")</script> & friends.', factIds: [] },
              { text: 'Atalanta won at Anfield, then drew with Verona.', factIds: ['tie', 'verona'] },
            ],
          },
          { kind: 'text', sentences: [{ text: '1. This paragraph starts like a list *but* is not.', factIds: [] }] },
          {
            kind: 'quote',
            text: 'First paragraph of the quote.\n\nSecond <b>paragraph</b>.',
            speaker: 'Gian Piero Gasperini',
            outlet: 'Sky Italia',
            date: '2024-04-15',
            factIds: ['quote'],
          },
        ],
      },
      {
        id: 'team-news',
        title: 'Team news',
        paragraphs: [
          { kind: 'text', sentences: [{ text: 'Giorgio Scalvini is out with a hamstring injury.', factIds: ['scalvini'] }] },
        ],
      },
      {
        id: 'possible-line-ups',
        title: 'Possible starting line-ups',
        lineups: [
          {
            team: 'Liverpool',
            formation: '4-3-3',
            players: [
              'Alisson',
              'Alexander-Arnold',
              'Konate',
              'Van Dijk',
              'Robertson',
              'Szoboszlai',
              'Mac Allister',
              'Elliott',
              'Salah',
              'Jota',
              'Diaz',
            ],
            factIds: ['lineups'],
          },
        ],
        paragraphs: [],
      },
      {
        id: 'we-say',
        title: 'We say',
        verdict: {
          homeGoals: 2,
          awayGoals: 3,
          tie: { winner: 'home', aggregateHome: 5, aggregateAway: 3, decidedBy: 'normal-time' },
          factIds: ['model'],
        },
        paragraphs: [{ kind: 'text', sentences: [{ text: 'Liverpool win on the night.', factIds: ['model'] }] }],
      },
      {
        id: 'data-analysis',
        title: 'Data analysis',
        analysis: {
          model: 'Dixon-Coles fitted on 3 matches',
          result: { home: 0.25, draw: 0.25, away: 0.5 },
          scorelines: {
            homeWin: [{ home: 1, away: 0, probability: 0.08 }],
            draw: [
              { home: 1, away: 1, probability: 0.12 },
              { home: 0, away: 0, probability: 0.07 },
            ],
            awayWin: [{ home: 1, away: 2, probability: 0.09 }],
          },
          totals: [{ line: 2.5, over: 0.55, under: 0.45 }],
          bothTeamsToScore: { yes: 0.6, no: 0.4 },
          teamGoals: { home: [{ line: 0.5, over: 0.7, under: 0.3 }], away: [{ line: 1.5, over: 0.5, under: 0.5 }] },
          tie: {
            home: { total: 0.95, inNormalTime: 0.9, inExtraTime: 0.03, onPenalties: 0.02 },
            away: { total: 0.05, inNormalTime: 0.03, inExtraTime: 0.01, onPenalties: 0.01 },
          },
          actual: { homeGoals: 0, awayGoals: 1, probability: 0.0004 },
          factIds: ['model'],
        },
        paragraphs: [],
      },
      {
        id: 'matchday-crowd',
        title: 'Matchday crowd',
        venue: 'Gewiss Stadium',
        crowd: estimateCrowd({ competition: 'uefa.el', capacity: 16000, normalCapacity: 21000, announcedAllocation: 750 }),
        factIds: ['venue'],
        paragraphs: [{ kind: 'text', sentences: [{ text: 'About 20 home fans for every away fan.', factIds: ['venue'] }] }],
      },
    ],
    facts: [
      { id: 'tie', kind: 'tie-state', matches: [{ matchId: 101, label: FIRST_LEG }], documents: [] },
      {
        id: 'losses',
        kind: 'streak',
        matches: [
          { matchId: 101, label: FIRST_LEG },
          { matchId: 102, label: PALACE },
        ],
        documents: [],
      },
      { id: 'verona', kind: 'form', matches: [{ matchId: 103, label: VERONA }], documents: [] },
      {
        id: 'scalvini',
        kind: 'team-news',
        matches: [],
        documents: [{ file: 'd.yaml', line: 17, label: 'Giorgio Scalvini: out (hamstring)' }],
      },
      { id: 'quote', kind: 'quote', matches: [], documents: [{ file: 'd.yaml', line: 88, label: 'Gasperini quote' }] },
      { id: 'lineups', kind: 'line-up', matches: [], documents: [{ file: 'd.yaml', line: 60, label: 'Liverpool XI' }] },
      { id: 'model', kind: 'forecast', matches: [], documents: [] },
      { id: 'venue', kind: 'crowd', matches: [], documents: [{ file: 'd.yaml', line: 70, label: 'venue' }] },
      { id: 'unused', kind: 'record', matches: [{ matchId: 9, label: 'never cited' }], documents: [] },
    ],
    caveats: ['History imported up to 2024-04-17.'],
  };
}


console.log(renderMarkdown(samplePreview()));
writeFileSync('/tmp/sample.html', renderHtml(samplePreview()));
