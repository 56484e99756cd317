#!/usr/bin/env node
import { Command } from 'commander';
import { registerFitCommand } from './fit-command.js';
import { registerImportCommand } from './import-command.js';
import { registerMatchesCommand } from './matches-command.js';
import { registerPrecedentCommand } from './precedent-command.js';
import { registerPredictCommand } from './predict-command.js';
import { registerTeamsCommand } from './teams-command.js';

const program = new Command()
  .name('matchday')
  .description('football match intelligence: history, forecasts, two-legged ties and previews from real match data')
  .version('0.1.0');

registerImportCommand(program);
registerTeamsCommand(program);
registerMatchesCommand(program);
registerFitCommand(program);
registerPredictCommand(program);
registerPrecedentCommand(program);

await program.parseAsync();
