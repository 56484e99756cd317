// The shipped competition registry parsed once at build time, so that commands need not parse the YAML at every start
// (src/competitions/parsed-registry.ts; used only while config/competitions.yaml is unchanged).
import { writeParsedRegistry } from '../dist/competitions/parsed-registry.js';
import { BUILT_IN_REGISTRY } from '../dist/competitions/registry.js';

writeParsedRegistry(BUILT_IN_REGISTRY);
