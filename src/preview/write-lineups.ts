import { lineupRows, type Dossier } from './dossier.js';
import type { PreviewLineup } from './preview-document.js';
import type { WriteContext } from './write-context.js';

/** "Possible starting line-ups": the dossier's XIs, each citing its dossier block. Sides without one are left out. */
export function writeLineups(ctx: WriteContext, dossier: Dossier): PreviewLineup[] {
  const lineups: PreviewLineup[] = [];
  for (const side of ['home', 'away'] as const) {
    const lineup = dossier.lineups[side];
    if (!lineup) continue;
    const team = side === 'home' ? ctx.home.name : ctx.away.name;
    const id = ctx.citeOther(`lineup-${side}`, 'possible XI', {
      documents: [{ file: dossier.file, line: lineup.line, label: `${team} ${lineup.formation}` }],
    });
    lineups.push({
      team,
      formation: lineup.formation,
      players: [...lineup.players],
      lines: lineupRows(lineup),
      factIds: [id],
    });
  }
  return lineups;
}
