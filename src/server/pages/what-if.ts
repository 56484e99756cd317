import { html } from 'hono/html';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { strengthShift, wholeNumber } from '../api/parameters.js';
import type { Html } from './layout.js';

/** The what-if form's query: venue, a strength shift per team, and the first leg's score for a second leg. */
export const WhatIfQuery = z.object({
  venue: z.enum(['usual', 'neutral']).optional(),
  homeShift: strengthShift.default(0),
  awayShift: strengthShift.default(0),
  firstLegHome: wholeNumber(0, 20).optional(),
  firstLegAway: wholeNumber(0, 20).optional(),
});

export type WhatIf = z.infer<typeof WhatIfQuery>;

export function whatIfProblem(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'what-if'}: ${issue.message}`).join('; ');
}

/** True when the query changes anything from the match as it is. */
export function isWhatIf(whatIf: WhatIf, actual: { neutral: boolean; firstLeg: [number, number] | null }): boolean {
  const firstLegChanged =
    actual.firstLeg !== null &&
    ((whatIf.firstLegHome !== undefined && whatIf.firstLegHome !== actual.firstLeg[0]) ||
      (whatIf.firstLegAway !== undefined && whatIf.firstLegAway !== actual.firstLeg[1]));
  const venueChanged = whatIf.venue !== undefined && (whatIf.venue === 'neutral') !== actual.neutral;
  return venueChanged || whatIf.homeShift !== 0 || whatIf.awayShift !== 0 || firstLegChanged;
}

/** ±0.3 in steps of 0.05: a key player missing is about −0.1. */
const SHIFT_RANGE = { min: -0.3, max: 0.3, step: 0.05 };

/**
 * The what-if form (a GET to the same page, so it works without script): play at a neutral venue, make either team
 * stronger or weaker, and for a second leg change the first leg's score.
 */
export function whatIfForm(options: {
  action: string;
  home: string;
  away: string;
  whatIf: WhatIf;
  neutral: boolean;
  /** The first leg as played (its home team = this match's away team), for a second leg. */
  firstLeg: { home: string; away: string; score: [number, number] } | null;
  active: boolean;
}): Html {
  const { whatIf, firstLeg } = options;
  const shiftInput = (name: 'homeShift' | 'awayShift', team: string) =>
    html`<label for="${name}"
      >${team}: strength shift <output for="${name}">${signed(whatIf[name])}</output>
      <input
        type="range"
        id="${name}"
        name="${name}"
        min="${SHIFT_RANGE.min}"
        max="${SHIFT_RANGE.max}"
        step="${SHIFT_RANGE.step}"
        value="${whatIf[name]}"
    /></label>`;
  return html`<form class="what-if" method="get" action="${options.action}" aria-labelledby="what-if-title">
    <h3 id="what-if-title" style="margin:0">What if…</h3>
    ${
      firstLeg
        ? html`<fieldset class="row" style="border:0;padding:0;margin:0">
            <legend>First leg score</legend>
            <label
              >${firstLeg.home}
              <input
                type="number"
                name="firstLegHome"
                min="0"
                max="20"
                value="${whatIf.firstLegHome ?? firstLeg.score[0]}"
                style="width:4.5rem"
            /></label>
            <label
              >${firstLeg.away}
              <input
                type="number"
                name="firstLegAway"
                min="0"
                max="20"
                value="${whatIf.firstLegAway ?? firstLeg.score[1]}"
                style="width:4.5rem"
            /></label>
          </fieldset>`
        : ''
    }
    <label
      >Venue
      <select name="venue">
        <option value="usual" ${options.neutral ? '' : ' selected'}>${options.home}'s ground</option>
        <option value="neutral" ${options.neutral ? ' selected' : ''}>neutral venue</option>
      </select></label
    >
    <div class="row">${shiftInput('homeShift', options.home)} ${shiftInput('awayShift', options.away)}</div>
    <p class="hint">
      A shift of −0.10 scales a team's scoring rate by 0.90 and its opponents' by 1.11: about a key player missing.
    </p>
    <div class="row">
      <button type="submit">Update forecast</button
      >${options.active ? html` <a href="${options.action}">Back to the match as it is</a>` : ''}
    </div>
  </form>`;
}

function signed(value: number): string {
  return value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2);
}
