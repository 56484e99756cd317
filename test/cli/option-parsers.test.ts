import { describe, expect, it } from 'vitest';
import { parseCompetitions } from '../../src/cli/option-parsers.js';

describe('parseCompetitions', () => {
  it('gives each competition once, whatever names the user gives it', () => {
    expect(parseCompetitions('uefa-cup,europa-league')).toEqual(['uefa.el']);
    expect(parseCompetitions('UEFA Cup, fairs-cup, uefa.el')).toEqual(['uefa.el', 'uefa.fairs']);
  });
});
