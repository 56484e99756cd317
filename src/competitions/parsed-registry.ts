/**
 * The shipped registry as the build parsed it (`npm run build` writes competitions.json beside the compiled module):
 * parsing the YAML costs a command about a third of a second at every start. The parsed copy is used only while it
 * was parsed from exactly the YAML there now (same SHA-256), so an edited config/competitions.yaml is parsed afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRegistryFile, type RegistryFile } from './registry-file.js';

const PARSED = fileURLToPath(new URL('./competitions.json', import.meta.url));

interface ParsedRegistry {
  sha256: string;
  registry: RegistryFile;
}

/** The registry file `yamlFile` (the shipped one), from the build's parsed copy when it is of the same text. */
export function readShippedRegistry(yamlFile: string): RegistryFile {
  const text = readFileSync(yamlFile, 'utf8');
  if (existsSync(PARSED)) {
    const parsed = JSON.parse(readFileSync(PARSED, 'utf8')) as ParsedRegistry;
    if (parsed.sha256 === sha256(text)) return parsed.registry;
  }
  return parseRegistryFile(text, yamlFile, 'registry');
}

/** Parses `yamlFile` and writes the copy `readShippedRegistry` reads (the build's last step, on the compiled module). */
export function writeParsedRegistry(yamlFile: string): void {
  const text = readFileSync(yamlFile, 'utf8');
  const parsed: ParsedRegistry = { sha256: sha256(text), registry: parseRegistryFile(text, yamlFile, 'registry') };
  writeFileSync(PARSED, JSON.stringify(parsed));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
