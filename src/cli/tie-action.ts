import { priceTie, type TieOutlook } from '../app/price-tie.js';
import { BUILT_IN_TIE_CALIBRATION, readTieCalibration } from '../knockout/tie-calibration-file.js';
import { openCommandDatabase } from './database-option.js';
import { parseDate, parseScore, parseSeason } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface TieOptions extends CommonOptions {
  competition?: string;
  season?: string;
  firstLeg?: string;
  asOf?: string;
  naive?: boolean;
  calibration?: string;
}

/** `matchday tie`, loaded when the command runs (start-up and --help stay fast): options → priceTie → a report. */
export function runTieCommand(teamA: string, teamB: string, options: TieOptions): Promise<void> {
  return runCommand(options, () => {
    const calibration = readTieCalibration(options.calibration ?? BUILT_IN_TIE_CALIBRATION);
    const request = {
      teamA,
      teamB,
      ...(options.competition !== undefined && { competition: options.competition }),
      ...(options.season !== undefined && { season: parseSeason(options.season) }),
      ...(options.firstLeg !== undefined && { firstLeg: parseScore(options.firstLeg, 'first-leg') }),
      ...(options.asOf !== undefined && { asOf: parseDate(options.asOf, 'as-of') }),
      ...(options.naive && { naive: true }),
    };
    const db = openCommandDatabase(options, { readonly: true });
    let outlook: TieOutlook;
    try {
      outlook = priceTie(db, request, { calibration });
    } finally {
      db.close();
    }
    if (options.json) return printJson(outlook);
    printReport(outlook);
  });
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printReport(r: TieOutlook): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const t = r.tie;
  const title = [t.competition, t.season, t.round].filter(Boolean).join(' ');
  out(
    `${title ? `${title}: ` : ''}${t.firstLeg.home} ${t.firstLeg.score} ${t.firstLeg.away} in the first leg` +
      `${t.firstLeg.date ? ` (${t.firstLeg.date})` : ''}${t.source === 'given' ? ' [given]' : ''}; ` +
      `second leg at ${t.secondLeg.home}${t.secondLeg.date ? ` on ${t.secondLeg.date}` : ''}`,
  );
  const m = r.model;
  out(
    `as of ${r.asOf}: ${m.family} fitted on ${m.matches} matches from ${m.from}, before ${m.before}; ` +
      (m.calibration === null
        ? "naive (the model's grid as it is)"
        : `tie calibration fitted on ${m.calibration.firstLegs} first and ${m.calibration.secondLegs} second legs ` +
          `before ${m.calibration.fittedBefore}`),
  );
  const decider = t.rules.decider === 'replay' ? 'replay/toss' : 'penalties';
  printTable(
    ['', 'through', "in 90'", 'extra time', decider, 'naive model'],
    r.teams.map((l) => [
      `${l.name} (${l.role})`,
      percent(l.through),
      percent(l.ninetyMinutes),
      percent(l.extraTime),
      percent(l.penalties),
      percent(l.naiveThrough),
    ]),
  );
  out(`P(extra time) ${percent(r.extraTime)}, P(${decider}) ${percent(r.penalties)}`);
  out(r.needs.phrase);
  const e = r.secondLeg.expectedGoals;
  out(
    `second leg expected goals ${t.secondLeg.home} ${e.home.toFixed(2)} – ${e.away.toFixed(2)} ${t.secondLeg.away} ` +
      `(the model's ${r.secondLeg.modelExpectedGoals.home.toFixed(2)} – ${r.secondLeg.modelExpectedGoals.away.toFixed(2)}); ` +
      `most likely: ${r.secondLeg.mostLikelyScores.map((s) => `${s.score} ${percent(s.probability)} (${s.outcome})`).join(', ')}`,
  );
  const c = r.calibration;
  if (c.past) {
    out(
      `calibration: after a first leg ${c.firstLeg}, ${c.past.ties} of the ${c.run.ties} past ties ` +
        `(${c.run.secondLegs.first}..${c.run.secondLegs.last}): the ${c.firstLeg.includes('win') ? 'first-leg winner' : "first leg's host"} ` +
        `went through in ${percent(c.past.observed)} ± ${percent(c.past.standardError)}, forecast ${percent(c.past.meanForecast)} ` +
        `(here ${c.team} ${percent(c.probability)})`,
    );
  }
  if (m.teamsFromPrior.length > 0) out(`from the prior (no history): ${m.teamsFromPrior.join(', ')}`);
  if (r.result) out(`what happened: ${r.result.secondLeg} — ${r.result.through} through (${r.result.decidedBy})`);
}
