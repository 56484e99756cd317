import type { Competition } from '../src/competitions/competition.js';
import { CompetitionRegistry } from '../src/competitions/registry.js';

/** A competition of the shipped registry by code (a typo fails the test that uses it). */
export function competition(code: string): Competition {
  const found = CompetitionRegistry.builtIn().get(code);
  if (!found) throw new Error(`no competition ${code} in config/competitions.yaml`);
  return found;
}
