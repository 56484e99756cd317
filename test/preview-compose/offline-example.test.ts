import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../src/forecast/model-file.js';
import type { Preview } from '../../src/preview/preview-document.js';
import { openDatabase } from '../../src/store/database.js';
import { EXAMPLE_DOSSIER, EXAMPLE_MODEL } from './compose-input.js';
import { tempDir } from '../temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/main.js');

/** The compiled CLI, run from the repository root as the README's quick start does. */
function matchday(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXAMPLE_ARGS = [
  'preview',
  'Atalanta',
  'Liverpool',
  '--date',
  '2024-04-18',
  '--dossier',
  path.relative(ROOT, EXAMPLE_DOSSIER),
  '--model-file',
  path.relative(ROOT, EXAMPLE_MODEL),
];

describe('the offline example (no imported history)', () => {
  const dir = tempDir('offline');

  it('ships the forecaster fitted by matchday on matches before the fixture, knowing both teams', () => {
    expect(statSync(EXAMPLE_MODEL).size).toBeLessThan(300_000);
    const model = parseModelFile(readFileSync(EXAMPLE_MODEL, 'utf8'), EXAMPLE_MODEL);
    expect(model.family).toBe('ensemble');
    expect(model.data.before <= '2024-04-18').toBe(true);
    expect(model.data.matches).toBeGreaterThan(1000);
    expect(model.teams.map((t) => t.name)).toEqual(expect.arrayContaining(['Atalanta', 'Liverpool']));
  });

  it('refuses a forecaster file of another version, or without its market member, in one line', () => {
    const saved = JSON.parse(readFileSync(EXAMPLE_MODEL, 'utf8'));
    expect(saved.market).not.toBeNull();
    expect(() => parseModelFile(JSON.stringify({ ...saved, formatVersion: 1 }), 'old.json')).toThrow(
      'forecaster file version 1; this matchday reads 2',
    );
    const { market: _market, ...withoutMarket } = saved;
    expect(() => parseModelFile(JSON.stringify(withoutMarket), 'x.json')).toThrow('forecaster file without market');
  });

  it('writes every section on a database that does not exist, without creating it', () => {
    const missing = path.join(dir, 'never-created.db');
    const result = matchday([...EXAMPLE_ARGS, '--db', missing]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const heading of [
      '# Atalanta v Liverpool',
      '## Match preview',
      '## Team news',
      '## Possible starting line-ups',
      '## We say',
      '## Data analysis',
      '## Matchday crowd',
    ]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toMatch(/\*\*Atalanta \d-\d Liverpool\*\* \(Atalanta win \d-\d on aggregate\)/);
    expect(result.stdout).toContain('This database has no match history for Atalanta and Liverpool');
    expect(result.stdout).toContain('about 20 to one');
    expect(existsSync(missing)).toBe(false);
  });

  it('gives the same preview on an empty, migrated database, and cites a receipt for every fact (JSON)', () => {
    const empty = path.join(dir, 'empty.db');
    openDatabase(empty).close();
    const markdown = matchday([...EXAMPLE_ARGS, '--db', empty]);
    expect(markdown.stdout).toBe(matchday([...EXAMPLE_ARGS, '--db', path.join(dir, 'missing.db')]).stdout);

    const json = matchday([...EXAMPLE_ARGS, '--db', empty, '--format', 'json']);
    expect(json.code).toBe(0);
    const preview = JSON.parse(json.stdout) as Preview;
    expect(preview.sections.map((s) => s.id)).toEqual([
      'match-preview',
      'team-news',
      'possible-line-ups',
      'we-say',
      'data-analysis',
      'matchday-crowd',
    ]);
    for (const fact of preview.facts) expect(fact.matches.length + fact.documents.length, fact.id).toBeGreaterThan(0);
    const firstLeg = preview.facts.find((f) => f.id === 'first-leg');
    expect(firstLeg?.documents[0]).toMatchObject({ file: path.relative(ROOT, EXAMPLE_DOSSIER), line: 12 });
  });

  it('writes HTML to a file with --out', () => {
    const out = path.join(dir, 'preview.html');
    const result = matchday([...EXAMPLE_ARGS, '--db', path.join(dir, 'none.db'), '--format', 'html', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<section id="we-say"/);
  });

  it('fails with one clear line when the dossier is for another fixture or the team is unknown', () => {
    const wrongDate = matchday([
      ...EXAMPLE_ARGS.slice(0, 4),
      '2024-04-11',
      ...EXAMPLE_ARGS.slice(5),
      '--db',
      path.join(dir, 'x.db'),
    ]);
    expect(wrongDate.code).toBe(1);
    expect(wrongDate.stderr).toContain('the dossier is for 2024-04-18, not 2024-04-11');
    const unknown = matchday([
      'preview',
      'Atalanta',
      'Nowhere Rovers',
      '--date',
      '2024-04-18',
      '--competition',
      'uefa.el',
      '--model-file',
      path.relative(ROOT, EXAMPLE_MODEL),
      '--db',
      path.join(dir, 'x.db'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('team Nowhere Rovers: no team of that name in the database or in the model file');
  });
});

describe('matchday venue (compiled bin)', () => {
  const dir = tempDir('venue');
  const db = path.join(dir, 'none.db');

  it("reports the dossier's 16,000 and 750 against the rule's 800, about 20 to one", () => {
    const result = matchday([
      'venue',
      'Gewiss Stadium',
      '--competition',
      'europa-league',
      '--dossier',
      path.relative(ROOT, EXAMPLE_DOSSIER),
      '--json',
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.names).toEqual({
      name: 'Gewiss Stadium',
      official: "Stadio Atleti Azzurri d'Italia",
      competition: 'Stadio di Bergamo',
      other: [],
    });
    expect(report.capacity).toMatchObject({ normal: 21000, current: 16000, currentFrom: 'dossier' });
    expect(report.awayAllocation).toMatchObject({ rule: { seats: 800 }, announced: 750, announcedMinusRule: -50 });
    expect(report.crowd).toMatchObject({ awayFans: 750, homeFans: 15250, outnumberedAbout: 20 });
    expect(report.sentences[1]).toContain('about 20 to one');
  });

  it('takes --capacity without a dossier (the rule then sets the away end), and finds a ground by any of its names', () => {
    const given = JSON.parse(
      matchday([
        'venue',
        'Gewiss Stadium',
        '--competition',
        'europa-league',
        '--capacity',
        '16000',
        '--json',
        '--db',
        db,
      ]).stdout,
    );
    expect(given.crowd).toMatchObject({
      capacity: 16000,
      ruleAllocation: 800,
      awayFans: 800,
      awayFansFrom: 'rule',
      outnumberedAbout: 19,
    });
    const byUefaName = matchday([
      'venue',
      'Stadio di Bergamo',
      '--dossier',
      path.relative(ROOT, EXAMPLE_DOSSIER),
      '--json',
      '--db',
      db,
    ]);
    expect(JSON.parse(byUefaName.stdout).crowd.outnumberedAbout).toBe(20);
  });

  it('refuses a ground it cannot know, and a dossier about another ground', () => {
    const unknown = matchday(['venue', 'Nowhere Park', '--json', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('UNKNOWN_VENUE');
    const other = matchday(['venue', 'Anfield', '--dossier', path.relative(ROOT, EXAMPLE_DOSSIER), '--db', db]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("the dossier's venue is Gewiss Stadium, not Anfield");
  });
});
