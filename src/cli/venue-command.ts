import type { Command } from 'commander';
import type { VenueOptions } from './venue-action.js';

export function registerVenueCommand(program: Command): void {
  program
    .command('venue')
    .description('a ground on matchday: its names, normal and current capacity, away allocation and crowd ratio')
    .argument('<name>', 'ground name (official, sponsor or competition name)')
    .option('--competition <code>', "competition code or name, for its ticketing rule (default: the dossier's)")
    .option('--capacity <seats>', "seats for this match (overrides the dossier's and the registry's)")
    .option('--away-allocation <seats>', "away tickets as announced (overrides the dossier's)")
    .option('--dossier <file>', 'a match dossier whose venue is this ground (docs/dossier.md)')
    .option('--db <path>', 'database file (its venue registry; a missing file reads as an empty one)')
    .option('--json', 'print JSON')
    .action((name: string, options: VenueOptions) =>
      import('./venue-action.js').then((action) => action.runVenueCommand(name, options)),
    );
}
