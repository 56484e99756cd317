#!/usr/bin/env node
import { Command } from 'commander';
import { registerBacktestCommand } from './backtest-command.js';
import { registerBracketCommand } from './bracket-command.js';
import { registerCoverageCommand } from './coverage-command.js';
import { registerFitCommand } from './fit-command.js';
import { registerImpliedCommand } from './implied-command.js';
import { registerImportCommand } from './import-command.js';
import { registerMatchesCommand } from './matches-command.js';
import { registerPrecedentCommand } from './precedent-command.js';
import { registerPredictCommand } from './predict-command.js';
import { registerPreviewCommand } from './preview-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSyncCommand } from './sync-command.js';
import { registerFixturesCommand } from './fixtures-command.js';
import { registerTeamsCommand } from './teams-command.js';
import { registerTieCalibrationCommand } from './tie-calibration-command.js';
import { registerTieCommand } from './tie-command.js';
import { registerVenueCommand } from './venue-command.js';

const program = new Command()
  .name('matchday')
  .description('football match intelligence: history, forecasts, two-legged ties and previews from real match data')
  .version('0.1.0');

registerImportCommand(program);
registerTeamsCommand(program);
registerMatchesCommand(program);
registerCoverageCommand(program);
registerFitCommand(program);
registerPredictCommand(program);
registerBacktestCommand(program);
registerImpliedCommand(program);
registerPrecedentCommand(program);
registerServeCommand(program);
registerBracketCommand(program);
registerPreviewCommand(program);
registerVenueCommand(program);
registerTieCommand(program);
registerTieCalibrationCommand(program);
registerSyncCommand(program);
registerFixturesCommand(program);

await program.parseAsync();
