import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallLeagueDatabase } from '../server/small-league.js';
import { tempDir } from '../temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The library as a user gets it: `npm pack`, unpacked into a consumer's node_modules with only the package's
 * `dependencies` beside it (linked from this checkout: better-sqlite3 compiles from source, too slow for a test),
 * then imported from plain Node ESM and type-checked from a TypeScript file.
 */
describe('the packed matchday package', () => {
  const dir = tempDir('pack');
  const consumer = path.join(dir, 'consumer');
  const modules = path.join(consumer, 'node_modules');
  const { db, file } = smallLeagueDatabase();
  db.close();

  const npm = (args: string[]) => execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
  // dist/ is built by the global setup; --ignore-scripts keeps pack from building it again.
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir])) as {
    filename: string;
    files: { path: string }[];
  }[];

  it('ships the compiled library, its types and the registry files read at run time, and no sources', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
        'dist/knockout/bracket-simulation-worker.js',
        'config/competitions.yaml',
        'config/team-aliases.yaml',
        'config/neutral-venues.yaml',
        'config/tie-calibration.json',
        'package.json',
      ]),
    );
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('imports from plain Node ESM and predicts a fixture, and type-checks from TypeScript', () => {
    mkdirSync(path.join(modules, 'matchday'), { recursive: true });
    execFileSync('tar', [
      '-xzf',
      path.join(dir, packed.filename),
      '-C',
      path.join(modules, 'matchday'),
      '--strip-components=1',
    ]);
    // The bin runs as a program (`npx matchday`): tsc leaves it without the execute bit, the build sets it.
    expect(statSync(path.join(modules, 'matchday/dist/cli/main.js')).mode & 0o111).toBe(0o111);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // A TypeScript user on Node has @types/node; everything else comes from the package's dependencies.
    for (const name of [...Object.keys(manifest.dependencies), '@types/node']) {
      mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
    }
    writeFileSync(path.join(consumer, 'package.json'), '{ "name": "consumer", "type": "module", "private": true }\n');

    writeFileSync(
      path.join(consumer, 'use.mjs'),
      [
        "import { MatchdayError, openDatabase, predictFixture, priceTie } from 'matchday';",
        `const db = openDatabase(${JSON.stringify(file)}, { readonly: true });`,
        "const forecast = predictFixture(db, { home: 'Alpha', away: 'Beta', date: '2024-02-01' });",
        'let same = null;',
        "try { predictFixture(db, { home: 'Alpha', away: 'Alpha', date: '2024-02-01' }); }",
        'catch (error) { same = error instanceof MatchdayError ? error.code : String(error); }',
        "const tie = priceTie(db, { teamA: 'Beta', teamB: 'Alpha', firstLeg: [1, 0], asOf: '2024-01-31', competition: 'uefa.el' });",
        'const through = tie.teams.map((t) => t.through);',
        'console.log(JSON.stringify({ matches: forecast.model.data.matches, result: forecast.markets.result, same, through }));',
      ].join('\n'),
    );
    const output = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: consumer, encoding: 'utf8' }));
    expect(output.matches).toBe(12);
    expect(output.result.home + output.result.draw + output.result.away).toBeCloseTo(1, 2);
    expect(output.same).toBe('SAME_TEAM');
    expect(output.through[0] + output.through[1]).toBeCloseTo(1, 9);
    expect(output.through[0]).toBeGreaterThan(output.through[1]);

    writeFileSync(
      path.join(consumer, 'use.ts'),
      [
        "import { openDatabase, predictFixture, priceTie, type FixtureForecast, type TieOutlook } from 'matchday';",
        "const tie: TieOutlook = priceTie(openDatabase(':memory:'), { teamA: 'A', teamB: 'B', firstLeg: [1, 0] });",
        'const through: number = tie.teams[0].through;',
        'console.log(through);',
        "const forecast: FixtureForecast = predictFixture(openDatabase(':memory:'), { home: 'A', away: 'B', date: '2024-02-01' });",
        'const home: number = forecast.markets.result.home;',
        'console.log(home);',
      ].join('\n'),
    );
    writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
        },
        files: ['use.ts'],
      }),
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(execFileSync(process.execPath, [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' })).toBe('');
  });
});
